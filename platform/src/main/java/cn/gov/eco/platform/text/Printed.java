package cn.gov.eco.platform.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field the documents print (the decision, the notice, the receipts): besides the rules every text field
 * follows, each character must be one the documents' font can print ({@link PrintableText}). On a list of strings it
 * applies to each item.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD})
public @interface Printed {

    /** The most characters the field (each item, for a list) may hold. */
    int max();

    /** Whether the field is one line (a name, an address), so line breaks and tabs are refused. */
    boolean singleLine() default false;
}
