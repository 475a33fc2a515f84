package org.baomi.i18n;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simplified Chinese is the base language and English its twin (house style, i18n). The build fails on a key
 * missing from either language, a template key missing from the bundles, a literal text in a template, or a
 * non-ASCII string literal in Java code (user-facing text belongs in the bundles).
 */
class I18nCompletenessTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");

    /** {@code #{key}} and {@code #{key(args)}} with a literal key; {@code #{${...}}} is dynamic and skipped. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)");
    /** An opening tag and the text right after it. */
    private static final Pattern OPEN_TAG_TEXT = Pattern.compile("<([a-zA-Z][\\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>([^<]*)");
    /** The text right after a closing tag. */
    private static final Pattern CLOSE_TAG_TEXT = Pattern.compile("</[a-zA-Z][\\w:-]*>([^<]*)");
    /** Attributes that people read, written literally instead of through th:*. */
    private static final Pattern LITERAL_TEXT_ATTRIBUTE = Pattern.compile("(?<![:\\w-])(placeholder|title|alt|aria-label)=\"([^\"]*)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Set<String> REPLACED_BY_THYMELEAF = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");

    @Test
    void everyBundleHasAnEnglishTwinWithTheSameKeysAndNoEmptyValues() throws IOException {
        List<Path> bases = bases();
        assertThat(bases).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path base : bases) {
            Path english = base.resolveSibling(base.getFileName().toString().replace(".properties", "_en.properties"));
            if (!Files.exists(english)) {
                problems.add(base + " has no English twin");
                continue;
            }
            Properties zh = load(base);
            Properties en = load(english);
            for (String key : zh.stringPropertyNames()) {
                if (!en.containsKey(key)) {
                    problems.add(english.getFileName() + " lacks " + key);
                }
                if (zh.getProperty(key).isBlank()) {
                    problems.add(base.getFileName() + " has an empty " + key);
                }
            }
            for (String key : en.stringPropertyNames()) {
                if (!zh.containsKey(key)) {
                    problems.add(base.getFileName() + " lacks " + key);
                }
                if (en.getProperty(key).isBlank()) {
                    problems.add(english.getFileName() + " has an empty " + key);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theChineseBaseBundlesAreActuallyChinese() throws IOException {
        for (Path base : bases()) {
            Properties zh = load(base);
            long chinese = zh.stringPropertyNames().stream()
                    .filter(k -> zh.getProperty(k).codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                    .count();
            assertThat(chinese).as("Chinese values in %s", base).isGreaterThanOrEqualTo(Math.min(1, zh.size()));
        }
    }

    @Test
    void everyMessageKeyUsedInATemplateExistsInBothLanguages() throws IOException {
        Set<String> zhKeys = new TreeSet<>();
        Set<String> enKeys = new TreeSet<>();
        for (Path base : bases()) {
            zhKeys.addAll(load(base).stringPropertyNames());
            enKeys.addAll(load(base.resolveSibling(base.getFileName().toString().replace(".properties", "_en.properties")))
                    .stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1);
                if (!zhKeys.contains(key) || !enKeys.contains(key)) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesContainNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = withoutCommentsScriptsAndStyles(Files.readString(template));
            Matcher open = OPEN_TAG_TEXT.matcher(html);
            while (open.find()) {
                String attributes = open.group(2);
                String text = open.group(3);
                boolean replaced = REPLACED_BY_THYMELEAF.stream().anyMatch(attributes::contains);
                if (!replaced && LETTER.matcher(text).find()) {
                    literals.add(TEMPLATES.relativize(template) + ": <" + open.group(1) + "> " + text.strip());
                }
            }
            Matcher close = CLOSE_TAG_TEXT.matcher(html);
            while (close.find()) {
                if (LETTER.matcher(close.group(1)).find()) {
                    literals.add(TEMPLATES.relativize(template) + ": after a closing tag: " + close.group(1).strip());
                }
            }
            Matcher attribute = LITERAL_TEXT_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (LETTER.matcher(attribute.group(2)).find()) {
                    literals.add(TEMPLATES.relativize(template) + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void javaCodeHasNoNonAsciiStringLiterals() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String literal : JavaStringLiterals.of(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (literal.codePoints().anyMatch(cp -> cp > 127)) {
                        offenders.add(JAVA.relativize(file) + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theLiteralTextCheckCatchesWhatItShould() {
        String html = withoutCommentsScriptsAndStyles(
                "<p th:text=\"#{a}\">ok</p><p>Literal</p><b>x</b> tail<!-- <p>comment</p> --><i title=\"Hi\"></i>");
        List<String> found = new ArrayList<>();
        Matcher open = OPEN_TAG_TEXT.matcher(html);
        while (open.find()) {
            if (!open.group(2).contains("th:text") && LETTER.matcher(open.group(3)).find()) {
                found.add(open.group(3));
            }
        }
        Matcher close = CLOSE_TAG_TEXT.matcher(html);
        while (close.find()) {
            if (LETTER.matcher(close.group(1)).find()) {
                found.add(close.group(1).strip());
            }
        }
        assertThat(found).containsExactly("Literal", "x", "tail");
        assertThat(LITERAL_TEXT_ATTRIBUTE.matcher(html).find()).isTrue();
        assertThat(JavaStringLiterals.of("String a = \"\u4E2D\"; // \"\u6587\"\nchar c = '\"';"))
                .containsExactly("\u4E2D");
    }

    private static String withoutCommentsScriptsAndStyles(String html) {
        return html.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<script\\b[^>]*>.*?</script>", "<script></script>")
                .replaceAll("(?s)<style\\b[^>]*>.*?</style>", "<style></style>");
    }

    private static List<Path> bases() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.filter(p -> p.toString().endsWith(".properties") && !p.getFileName().toString().contains("_"))
                    .sorted().toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
