package cn.gov.eco.platform.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The kind marker written after the issuing organ in a 文号, e.g. 罚 in 泉环罚〔2025〕12号. */
public enum DocumentKind {
    /** 罚: penalty documents in general. */
    PENALTY("罚"),
    /** 罚告: 行政处罚事先告知书. */
    PRE_PENALTY_NOTICE("罚告"),
    /** 罚听: 听证告知书 / 听证通知书. */
    HEARING("罚听"),
    /** 罚决: 行政处罚决定书. */
    PENALTY_DECISION("罚决"),
    /** 立: 立案. */
    FILING("立"),
    /** 送: 送达. */
    SERVICE("送");

    private final String marker;

    DocumentKind(String marker) {
        this.marker = marker;
    }

    public String marker() {
        return marker;
    }

    /** Longest markers first, so 罚决 wins over 罚. */
    static final List<DocumentKind> LONGEST_FIRST = Arrays.stream(values())
            .sorted(Comparator.comparingInt((DocumentKind k) -> k.marker.length()).reversed()).toList();

    public static Optional<DocumentKind> ofMarker(String marker) {
        return Arrays.stream(values()).filter(k -> k.marker.equals(marker)).findFirst();
    }
}
