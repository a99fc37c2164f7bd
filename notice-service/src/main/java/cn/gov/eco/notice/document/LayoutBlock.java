package cn.gov.eco.notice.document;

import java.util.List;

/** What a filled template hands to the layout engine: a flat sequence of blocks, top to bottom. */
sealed interface LayoutBlock {

    /** Large, bold, centred. */
    record Title(String text) implements LayoutBlock {
    }

    /** Normal size, centred (the document number under the title). */
    record Subtitle(String text) implements LayoutBlock {
    }

    /** A bold section heading, flush left. */
    record Heading(String text) implements LayoutBlock {
    }

    /** A paragraph; {@code indent} = the first line is indented by two characters. */
    record Paragraph(String text, boolean indent) implements LayoutBlock {
    }

    /** A label in the left column and its value wrapped in the right column. */
    record KeyValue(String key, String value) implements LayoutBlock {
    }

    /** A list item with a hanging marker such as "1." or "•". */
    record ListItem(String marker, String text) implements LayoutBlock {
    }

    /** Right-aligned lines kept together at the end: agency, seal, date. */
    record Signature(List<String> lines) implements LayoutBlock {
    }

    /** Vertical space of about one line. */
    record Gap() implements LayoutBlock {
    }
}
