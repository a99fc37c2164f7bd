package cn.gov.eco.platform.security;

/** The actor recorded on a state change: who, under which name, in which role. */
public record ActorRef(String userId, String name, Role role) {
}
