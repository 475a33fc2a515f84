package org.baomi.classification;

import org.baomi.iam.LocalizedName;

/** A section of the classification guide's text, maintained by the confidentiality office. */
public record GuideSection(String code, LocalizedName title, LocalizedName body, int version) {
}
