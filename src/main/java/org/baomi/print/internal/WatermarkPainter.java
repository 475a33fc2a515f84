package org.baomi.print.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;
import org.baomi.print.Watermark;

/**
 * Draws the watermark of issue 5 item 5 over a page, after its content, as the reader sees the page (rotation and
 * crop box applied): a diagonal tiled text "name staff-number time trace-code" in translucent grey over the whole
 * page, and at the top and bottom edges a translucent band with the level mark and the trace code. Translucent so
 * that the content stays readable; drawn over the content so that it cannot be hidden under an opaque image.
 */
final class WatermarkPainter {

    static final float BAND_HEIGHT = 18f;
    static final float TILE_FONT_SIZE = 13f;
    static final float BAND_FONT_SIZE = 9f;
    private static final float TILE_ALPHA = 0.22f;
    private static final float BAND_ALPHA = 0.75f;
    private static final double ANGLE = Math.toRadians(30);

    private final DateTimeFormatter times;

    WatermarkPainter(ZoneId zone) {
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(zone);
    }

    /** The tiled text: name, staff number, time in the hospital's zone, trace code. */
    String tileText(Watermark mark) {
        return mark.readerName() + "  " + mark.staffNo() + "  " + times.format(mark.issuedAt()) + "  "
                + mark.traceCode().display();
    }

    /**
     * Prepares the watermark of one document: the tile text is drawn once into a form XObject that every tile of
     * every page shows, so a page costs a few hundred bytes of placement instead of re-encoding the text per tile.
     */
    Stamp prepare(PDDocument document, CjkFont font, Watermark mark) {
        String tile = font.printable(tileText(mark));
        float textWidth = font.width(tile) * TILE_FONT_SIZE;
        // an appearance stream is a form XObject whose content stream registers the font for subsetting with the
        // document (a plain PDFormContentStream does not, and the tile's glyphs would be missing from the subset)
        PDAppearanceStream form = new PDAppearanceStream(document);
        form.setResources(new PDResources());
        form.setBBox(new PDRectangle(0, -TILE_FONT_SIZE * 0.3f, textWidth, TILE_FONT_SIZE * 1.3f));
        try (PDPageContentStream fcs = new PDPageContentStream(document, form)) {
            fcs.beginText();
            fcs.setFont(font.font(), TILE_FONT_SIZE);
            fcs.showText(tile);
            fcs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException("the watermark could not be drawn", e);
        }
        return new Stamp(document, font, mark, form, textWidth);
    }

    /** The prepared watermark of one document. */
    final class Stamp {
        private final PDDocument document;
        private final CjkFont font;
        private final Watermark mark;
        private final PDFormXObject tile;
        private final float tileWidth;
        private final PDExtendedGraphicsState tileAlpha = alpha(TILE_ALPHA);
        private final PDExtendedGraphicsState bandAlpha = alpha(BAND_ALPHA);

        private Stamp(PDDocument document, CjkFont font, Watermark mark, PDFormXObject tile, float tileWidth) {
            this.document = document;
            this.font = font;
            this.mark = mark;
            this.tile = tile;
            this.tileWidth = tileWidth;
        }

        void paint(PDPage page) {
            PDRectangle box = page.getCropBox();
            int rotation = ((page.getRotation() % 360) + 360) % 360;
            boolean sideways = rotation == 90 || rotation == 270;
            float width = sideways ? box.getHeight() : box.getWidth();
            float height = sideways ? box.getWidth() : box.getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.transform(Matrix.getTranslateInstance(box.getLowerLeftX(), box.getLowerLeftY()));
                cs.transform(toVisual(rotation, box.getWidth(), box.getHeight()));
                tiles(cs, width, height);
                bands(cs, font, mark, bandAlpha, width, height);
            } catch (IOException e) {
                throw new UncheckedIOException("the watermark could not be drawn", e);
            }
        }

        private void tiles(PDPageContentStream cs, float w, float h) throws IOException {
            float dx = tileWidth + 48f;
            float dy = 96f;
            cs.saveGraphicsState();
            cs.setGraphicsStateParameters(tileAlpha);
            cs.setNonStrokingColor(0.35f, 0.35f, 0.35f);
            cs.transform(Matrix.getTranslateInstance(w / 2, h / 2));
            cs.transform(Matrix.getRotateInstance(ANGLE, 0, 0));
            float reach = (float) Math.hypot(w, h) / 2 + dx;
            int row = 0;
            for (float y = -reach; y <= reach; y += dy, row++) {
                float shift = (row % 2) * dx / 2;
                for (float x = -reach - shift; x <= reach; x += dx) {
                    cs.saveGraphicsState();
                    cs.transform(Matrix.getTranslateInstance(x, y));
                    cs.drawForm(tile);
                    cs.restoreGraphicsState();
                }
            }
            cs.restoreGraphicsState();
        }
    }

    /** Maps the coordinates of the page as displayed to its user space. */
    private static Matrix toVisual(int rotation, float w, float h) {
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, w, 0);
            case 180 -> new Matrix(-1, 0, 0, -1, w, h);
            case 270 -> new Matrix(0, -1, 1, 0, 0, h);
            default -> new Matrix();
        };
    }

    private void bands(PDPageContentStream cs, CjkFont font, Watermark mark, PDExtendedGraphicsState bandAlpha,
            float w, float h) throws IOException {
        cs.saveGraphicsState();
        cs.setGraphicsStateParameters(bandAlpha);
        cs.setNonStrokingColor(1f, 0.93f, 0.93f);
        cs.addRect(0, h - BAND_HEIGHT, w, BAND_HEIGHT);
        cs.addRect(0, 0, w, BAND_HEIGHT);
        cs.fill();
        String level = mark.levelMark() == null ? "" : font.printable(mark.levelMark());
        String code = font.printable(mark.traceCode().display());
        String who = font.printable(tileText(mark));
        float baselineTop = h - BAND_HEIGHT + (BAND_HEIGHT - BAND_FONT_SIZE) / 2 + 1;
        float baselineBottom = (BAND_HEIGHT - BAND_FONT_SIZE) / 2 + 1;
        cs.beginText();
        cs.setFont(font.font(), BAND_FONT_SIZE);
        cs.setNonStrokingColor(0.75f, 0f, 0f);
        text(cs, level, 8, baselineTop);
        text(cs, level, 8, baselineBottom);
        cs.setNonStrokingColor(0.2f, 0.2f, 0.2f);
        text(cs, code, w - 8 - font.width(code) * BAND_FONT_SIZE, baselineTop);
        text(cs, who, w - 8 - font.width(who) * BAND_FONT_SIZE, baselineBottom);
        cs.endText();
        cs.restoreGraphicsState();
    }

    private static void text(PDPageContentStream cs, String text, float x, float y) throws IOException {
        if (!text.isEmpty()) {
            cs.setTextMatrix(Matrix.getTranslateInstance(x, y));
            cs.showText(text);
        }
    }

    private static PDExtendedGraphicsState alpha(float alpha) {
        PDExtendedGraphicsState state = new PDExtendedGraphicsState();
        state.setNonStrokingAlphaConstant(alpha);
        state.setStrokingAlphaConstant(alpha);
        return state;
    }
}
