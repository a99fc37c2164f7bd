package cn.gov.eco.notice.delivery.application;

/** The port to the renderer of the 送达回证: the receipt of a served delivery as a PDF. */
@FunctionalInterface
public interface ReceiptRendering {

    /** The receipt as a PDF, sealed like the documents it lists. */
    byte[] renderReceipt(ServiceReceipt receipt);
}
