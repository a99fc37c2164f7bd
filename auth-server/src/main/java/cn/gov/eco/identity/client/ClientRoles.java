package cn.gov.eco.identity.client;

import java.util.List;

import cn.gov.eco.contracts.identity.Role;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/** The roles a client acting for itself (client credentials) carries in its tokens, kept in its client settings. */
public final class ClientRoles {

    static final String SETTING = "cn.gov.eco.identity.client.roles";

    private ClientRoles() {
    }

    public static ClientSettings.Builder put(ClientSettings.Builder settings, List<Role> roles) {
        return settings.setting(SETTING, roles.stream().map(Role::name).toList());
    }

    public static List<String> of(RegisteredClient client) {
        List<String> roles = client.getClientSettings().getSetting(SETTING);
        return roles == null ? List.of() : roles;
    }
}
