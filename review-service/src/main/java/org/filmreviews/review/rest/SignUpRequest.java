package org.filmreviews.review.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** Body of {@code POST /accounts}. */
@Schema(description = "A new account", properties = {
        @SchemaProperty(name = "username", description = "For signing in; unique, 3 to 32 letters, digits, '.', '_' or '-'"),
        @SchemaProperty(name = "displayName", description = "Shown with one's reviews"),
        @SchemaProperty(name = "password", description = "8 to 200 characters")})
public record SignUpRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{3,32}",
                message = "must be 3 to 32 letters, digits, '.', '_' or '-'") String username,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*",
                message = "must be printable characters on one line") String displayName,
        @NotNull @Size(min = 8, max = 200, message = "must be 8 to 200 characters long") String password) {
}
