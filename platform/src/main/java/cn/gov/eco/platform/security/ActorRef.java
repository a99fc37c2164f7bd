package cn.gov.eco.platform.security;

import cn.gov.eco.contracts.identity.Role;

/** The actor recorded on a state change: who, under which name, in which role. */
public record ActorRef(String userId, String name, Role role) {
}
