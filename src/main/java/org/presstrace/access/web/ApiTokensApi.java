package org.presstrace.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.ApiToken;
import org.presstrace.access.ApiTokens;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.IssuedApiToken;
import org.presstrace.access.NewApiToken;
import org.presstrace.access.Passwords;
import org.presstrace.access.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API tokens and the caller's own password over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Access")
class ApiTokensApi {

  private final ApiTokens tokens;
  private final Passwords passwords;

  ApiTokensApi(ApiTokens tokens, Passwords passwords) {
    this.tokens = tokens;
    this.passwords = passwords;
  }

  /** Checked by {@link ApiTokens#issue}, each problem naming its field. */
  record TokenRequest(String username, String name, List<String> roles, Instant expiresAt) {}

  /** A token just made: the only answer that carries its secret. */
  record IssuedToken(
      String id,
      String username,
      ApiToken.Kind kind,
      String name,
      Set<Role> roles,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      String secret) {

    static IssuedToken of(IssuedApiToken issued) {
      ApiToken token = issued.token();
      return new IssuedToken(
          token.id(),
          token.username(),
          token.kind(),
          token.name(),
          token.roles(),
          token.createdBy(),
          token.createdAt(),
          token.expiresAt(),
          issued.secret());
    }
  }

  record PasswordChange(String currentPassword, String newPassword) {}

  @PostMapping("/tokens")
  @Operation(
      summary =
          "Make an API token (shown once) for yourself, or as an administrator for a user of an"
              + " agency you administer, carrying roles its holder holds; send it as"
              + " 'Authorization: Bearer pt_...'")
  ResponseEntity<IssuedToken> issue(
      @RequestBody TokenRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (request.roles() != null) {
      request.roles().forEach(role -> roles.add(Role.parse(role)));
    }
    IssuedApiToken issued =
        tokens.issue(
            context,
            new NewApiToken(request.username(), request.name(), roles, request.expiresAt()));
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
        .cacheControl(CacheControl.noStore())
        .body(IssuedToken.of(issued));
  }

  @GetMapping("/tokens")
  @Operation(
      summary =
          "Your API tokens with their last use (or, for administrators, those of a user of an"
              + " agency you administer); never their secrets")
  List<ApiToken> list(
      @RequestParam(required = false) String username,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return tokens.of(context, username);
  }

  @DeleteMapping("/tokens/{id}")
  @Operation(
      summary =
          "Revoke an API token of yours, or of a user of an agency you administer; it stops"
              + " working at once")
  ResponseEntity<Void> revoke(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    tokens.revoke(context, id);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/account/password")
  @Operation(summary = "Change your own password, giving the current one")
  ResponseEntity<Void> changePassword(
      @RequestBody PasswordChange request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    passwords.change(context, request.currentPassword(), request.newPassword());
    return ResponseEntity.noContent().build();
  }
}
