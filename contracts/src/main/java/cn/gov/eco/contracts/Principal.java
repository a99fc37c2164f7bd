package cn.gov.eco.contracts;

/**
 * Who may write or read a topic: one broker principal (SASL/SCRAM user) per service, and a read-only principal for
 * the dashboards (ARCHITECTURE.md, "Broker security"). The ACLs of the embedded broker, the compose file and the
 * operator's {@code KafkaUser} resources are derived from {@link Topic#writer()} and {@link Topic#readers()}.
 */
public enum Principal {
    CASE_SERVICE("case-service"),
    NOTICE_SERVICE("notice-service"),
    CREDIT_SERVICE("credit-service"),
    /** read-only: every public topic, never a write */
    DASHBOARD("dashboard");

    private final String userName;

    Principal(String userName) {
        this.userName = userName;
    }

    /** The SCRAM user name, also the service's name ({@code platform.service-name}). */
    public String userName() {
        return userName;
    }
}
