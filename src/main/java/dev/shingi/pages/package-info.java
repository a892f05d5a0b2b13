/**
 * The web pages for the people who deliberate: server-rendered (Thymeleaf) views of the read models as of both clocks,
 * replay, and forms that send the same commands as the REST API. Speaks only {@code deliberation.api} (commands,
 * queries) and {@code platform} (the ledger, request metadata); never the command or query sides.
 * <p>
 * Every page carries its moment in the URL with the API's parameters ({@code at}, {@code knownAt}, {@code afterEvent}),
 * so that what one person sees can be shared as a link.
 */
package dev.shingi.pages;
