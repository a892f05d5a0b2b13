/**
 * Who may do what. Authentication: users configured in properties (bcrypt) or an OIDC issuer's JWTs; HTTP Basic or a
 * bearer token for the API, form login for pages. Authorisation: per deliberation, from the participant a user is
 * (user name = participant id) and its role; admins are configured. docs/security.md has the matrix.
 */
package dev.shingi.security;
