package cn.gov.eco.gateway.portal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal (门户) served at {@code /portal/}: where browsers find the authorization server and which client the
 * portal is ({@code portal.*}; in {@code gateway.yml} from {@code PORTAL_AUTH_SERVER_URL} and {@code AUTH_SERVER_URL}).
 *
 * @param authServerUrl      the authorization server as the browser reaches it (login page, authorize and logout
 *                           endpoints), e.g. {@code https://id.example.gov.cn}
 * @param tokenEndpoint      the token endpoint as the gateway reaches it: the portal exchanges codes and refreshes
 *                           tokens through the gateway at {@code /portal/oauth2/token}, on its own origin, so that the
 *                           authorization server needs no CORS rules
 * @param clientId           the public client registered for the portal (PKCE, S256)
 */
@ConfigurationProperties("portal")
public record PortalProperties(
        @DefaultValue("http://localhost:9000") URI authServerUrl,
        @DefaultValue("http://localhost:9000/oauth2/token") URI tokenEndpoint,
        @DefaultValue("portal") String clientId) {
}
