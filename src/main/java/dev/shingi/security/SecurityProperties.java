package dev.shingi.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code shingi.security.*}: configured users (passwords bcrypt-hashed, "{bcrypt}$2a$…"), which of them are admins,
 * whether the embedded profile's demo accounts are on, and an optional OIDC issuer for bearer tokens.
 */
@ConfigurationProperties("shingi.security")
public class SecurityProperties {
    /** The demo accounts (sato, tsuta, goto, nisc, admin; password "demo"). Refused outside the embedded default and the demo profile, and under the test profile. */
    private boolean demoAccounts;
    private Map<String, User> users = new LinkedHashMap<>();
    /** JWT claim holding the user name (= participant id) for bearer tokens. */
    private String usernameClaim = "preferred_username";
    /** A JWT whose "roles" (or "groups") claim contains this value is an admin. */
    private String adminRole = "shingi-admin";

    /** Failed sign-ins: free tries per account, its longest wait, failures per client address in 10 minutes. */
    private Throttle throttle = new Throttle();

    public static class Throttle {
        private int freeFailures = 5;
        private java.time.Duration longestWait = java.time.Duration.ofMinutes(15);
        private int perAddress = 50;

        public int getFreeFailures() { return freeFailures; }
        public void setFreeFailures(int v) { freeFailures = v; }
        public java.time.Duration getLongestWait() { return longestWait; }
        public void setLongestWait(java.time.Duration v) { longestWait = v; }
        public int getPerAddress() { return perAddress; }
        public void setPerAddress(int v) { perAddress = v; }
    }

    public Throttle getThrottle() {
        return throttle;
    }

    public void setThrottle(Throttle throttle) {
        this.throttle = throttle;
    }

    public static class User {
        private String password;
        private boolean admin;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isAdmin() {
            return admin;
        }

        public void setAdmin(boolean admin) {
            this.admin = admin;
        }
    }

    public boolean isDemoAccounts() {
        return demoAccounts;
    }

    public void setDemoAccounts(boolean demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    public String getUsernameClaim() {
        return usernameClaim;
    }

    public void setUsernameClaim(String usernameClaim) {
        this.usernameClaim = usernameClaim;
    }

    public String getAdminRole() {
        return adminRole;
    }

    public void setAdminRole(String adminRole) {
        this.adminRole = adminRole;
    }
}
