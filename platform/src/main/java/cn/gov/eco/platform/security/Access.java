package cn.gov.eco.platform.security;

import cn.gov.eco.contracts.identity.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of one endpoint, required on every handler under {@code /api/**}: a handler without one is refused
 * to everybody (fail closed), and the authorization matrix test fails the build for it.
 *
 * <ul>
 *   <li>{@link #roles()}: who may call it at all (checked before the body is read);</li>
 *   <li>{@link #changesState()}: a state change, never allowed to a read-only role;</li>
 *   <li>{@link #scope()}: whether the resource belongs to one enterprise, whose users alone may see it. The
 *       application service checks the scope against the resource itself, with {@link AccessPolicy}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    Role[] roles();

    boolean changesState() default false;

    Scope scope() default Scope.AGENCY;

    /** Whose records an endpoint touches. */
    enum Scope {
        /** Agency records with no enterprise user access. */
        AGENCY,
        /** One enterprise's records: its own users, and agency staff. */
        ENTERPRISE,
        /** Nobody's records (e.g. the seal certificate, verifying a document one holds): any signed-in role listed. */
        SHARED
    }
}
