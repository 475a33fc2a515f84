package org.baomi.print.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font opened for one document: embedded as a subset (only the glyphs used), with the text cleaned so that
 * PDFBox never fails on a character the font lacks (printed as "?") or on a control character (dropped).
 */
public final class CjkFont implements Closeable {

    private final Closeable source;
    private final CmapLookup cmap;
    private final PDType0Font font;
    private final Map<Integer, Float> widths = new HashMap<>();

    private CjkFont(Closeable source, TrueTypeFont ttf, PDType0Font font) throws IOException {
        this.source = source;
        this.cmap = ttf.getUnicodeCmapLookup();
        this.font = font;
    }

    static CjkFont open(PDDocument document, byte[] data) {
        try {
            // Glyph substitution (GSUB) is left off: Chinese set horizontally needs none, Latin ligatures would only
            // make extracted and searched text differ from what was meant, and PDFBox's GSUB pass is most of the
            // cost of drawing text.
            boolean collection = data.length > 4 && data[0] == 't' && data[1] == 't' && data[2] == 'c'
                    && data[3] == 'f';
            if (collection) {
                TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(data));
                TrueTypeFont[] first = new TrueTypeFont[1];
                ttc.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                first[0].setEnableGsub(false);
                return new CjkFont(ttc, first[0], PDType0Font.load(document, first[0], true));
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data));
            ttf.setEnableGsub(false);
            return new CjkFont(ttf, ttf, PDType0Font.load(document, ttf, true));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the CJK font cannot be used (a TrueType .ttf or .ttc is needed)", e);
        }
    }

    /** The font to draw with. */
    public PDType0Font font() {
        return font;
    }

    /** The text with control characters dropped and characters without a glyph replaced by "?". */
    public String printable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                if (Character.isWhitespace(cp)) {
                    s.append(' ');
                }
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                s.append(' ');
            } else if (cmap.getGlyphId(cp) > 0) {
                s.appendCodePoint(cp);
            } else {
                s.append('?');
            }
        });
        return s.toString();
    }

    /** Width of already printable text in text space units of a 1-point font. */
    public float width(String printable) {
        float w = 0;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            w += charWidth(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    float charWidth(int cp) {
        return widths.computeIfAbsent(cp, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c))) / 1000f;
            } catch (IOException | IllegalArgumentException e) {
                return 1f;
            }
        });
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
