package cn.gov.eco.notice.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pair of zh-CN templates, loaded and validated once. Defaults come from the classpath
 * ({@code templates/*.zh-CN.txt}); an agency can override either file by putting a file of the same name
 * in a directory, without rebuilding.
 */
public final class DocumentTemplates {

    public static final String DECISION_FILE = "penalty-decision.zh-CN.txt";
    public static final String NOTICE_FILE = "repair-rights-notice.zh-CN.txt";
    public static final String RECEIPT_FILE = "service-receipt.zh-CN.txt";
    private static final String CLASSPATH_DIR = "templates/";

    private final DocumentTemplate decision;
    private final DocumentTemplate notice;
    private final DocumentTemplate receipt;

    private DocumentTemplates(DocumentTemplate decision, DocumentTemplate notice, DocumentTemplate receipt) {
        this.decision = decision;
        this.notice = notice;
        this.receipt = receipt;
    }

    private static DocumentTemplate builtInReceipt() {
        return DocumentTemplate.parse(CLASSPATH_DIR + RECEIPT_FILE, classpath(RECEIPT_FILE), DocumentModels.RECEIPT_SCHEMA);
    }

    /** The built-in templates. */
    public static DocumentTemplates classpathDefaults() {
        return new DocumentTemplates(
                DocumentTemplate.parse(CLASSPATH_DIR + DECISION_FILE, classpath(DECISION_FILE), DocumentModels.DECISION_SCHEMA),
                DocumentTemplate.parse(CLASSPATH_DIR + NOTICE_FILE, classpath(NOTICE_FILE), DocumentModels.NOTICE_SCHEMA),
                builtInReceipt());
    }

    /**
     * Templates from {@code directory} where present ({@value #DECISION_FILE}, {@value #NOTICE_FILE},
     * {@value #RECEIPT_FILE}),
     * the built-in ones otherwise.
     *
     * @throws TemplateException when the directory does not exist or a template in it is invalid
     */
    public static DocumentTemplates withOverrides(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new TemplateException("template directory " + directory + " does not exist");
        }
        return new DocumentTemplates(
                load(directory, DECISION_FILE, DocumentModels.DECISION_SCHEMA),
                load(directory, NOTICE_FILE, DocumentModels.NOTICE_SCHEMA),
                load(directory, RECEIPT_FILE, DocumentModels.RECEIPT_SCHEMA));
    }

    /** Templates given as text, e.g. from a database; validated like files. */
    public static DocumentTemplates of(String decisionSource, String noticeSource) {
        return new DocumentTemplates(
                DocumentTemplate.parse("decision template", decisionSource, DocumentModels.DECISION_SCHEMA),
                DocumentTemplate.parse("notice template", noticeSource, DocumentModels.NOTICE_SCHEMA),
                builtInReceipt());
    }

    public DocumentTemplate decision() {
        return decision;
    }

    public DocumentTemplate notice() {
        return notice;
    }

    /** The 送达回证. */
    public DocumentTemplate receipt() {
        return receipt;
    }

    private static DocumentTemplate load(Path dir, String file, TemplateSchema schema) {
        Path path = dir.resolve(file);
        if (!Files.exists(path)) {
            return DocumentTemplate.parse(CLASSPATH_DIR + file, classpath(file), schema);
        }
        try {
            return DocumentTemplate.parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8), schema);
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + path + ": " + e.getMessage(), e);
        }
    }

    private static String classpath(String file) {
        try (InputStream in = DocumentTemplates.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + file)) {
            if (in == null) {
                throw new TemplateException("built-in template " + CLASSPATH_DIR + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("cannot read built-in template " + file + ": " + e.getMessage(), e);
        }
    }
}
