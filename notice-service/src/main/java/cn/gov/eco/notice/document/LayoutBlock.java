package cn.gov.eco.notice.document;

import java.util.List;

/** What a filled template hands to the layout engine: a flat sequence of blocks, top to bottom. */
sealed interface LayoutBlock {

    /** The 版头: the issuing agency's name, large, red, centred, at the top of the first page. */
    record Masthead(String text) implements LayoutBlock {
    }

    /** Large, bold, centred. */
    record Title(String text) implements LayoutBlock {
    }

    /**
     * The document number (发文字号): centred under the 版头 and followed by the red separator when the document has a
     * 版头 (GB/T 9704-2012 §7.2.4, §7.2.6), else centred under the title and followed by a black rule.
     */
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

    /** Right-aligned lines kept together at the end: agency and date, with the seal over them. */
    record Signature(List<String> lines) implements LayoutBlock {
    }

    /** Vertical space of about one line. */
    record Gap() implements LayoutBlock {
    }
}
