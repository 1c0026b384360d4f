package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class JdbcUrlsTest {
    @Test
    void leavesAUrlWithoutSecretsAlone() {
        String url = "jdbc:postgresql://db.internal:5432/mentor?sslmode=require&ApplicationName=bot";
        assertThat(JdbcUrls.redact(url)).isEqualTo(url);
    }

    @Test
    void hidesSecretParameterValues() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=bot&password=s3cret&sslmode=require&sslpassword=k3y"))
                .isEqualTo("jdbc:postgresql://h/db?user=bot&password=****&sslmode=require&sslpassword=****");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?PASSWORD=a%26b")).isEqualTo("jdbc:postgresql://h/db?PASSWORD=****");
    }

    @Test
    void masksThePasswordOfUserInfoAndKeepsTheUser() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://bot:s3cret@h:5432/db")).isEqualTo("jdbc:postgresql://bot:****@h:5432/db");
        assertThat(JdbcUrls.redact("jdbc:postgresql://bot:p@ss@h/db")).as("an unencoded @ in the password")
                .isEqualTo("jdbc:postgresql://bot:****@h/db");
        assertThat(JdbcUrls.redact("jdbc:postgresql://bot@h/db")).as("no password").isEqualTo("jdbc:postgresql://bot@h/db");
    }

    @Test
    void masksUrlsInsideMessages() {
        assertThat(JdbcUrls.redact("Unable to connect to jdbc:postgresql://bot:s3cret@h/db?password=x2 (refused)"))
                .isEqualTo("Unable to connect to jdbc:postgresql://bot:****@h/db?password=**** (refused)");
    }

    @Test
    void masksAPasswordInAHostNameAsTheDriverQuotesIt() {
        assertThat(JdbcUrls.redactHost("bot:s3cret@db.example")).isEqualTo("bot:****@db.example");
        assertThat(JdbcUrls.redactHost("s3cret@db.example")).isEqualTo("****@db.example");
        assertThat(JdbcUrls.redactHost("db.example")).isEqualTo("db.example");
    }

    @Test
    void saysWhetherAUrlHoldsCredentials() {
        assertThat(JdbcUrls.holdsCredentials("jdbc:postgresql://bot:s3cret@h/db")).isTrue();
        assertThat(JdbcUrls.holdsCredentials("jdbc:postgresql://h/db?password=s3cret")).isTrue();
        assertThat(JdbcUrls.holdsCredentials("jdbc:postgresql://bot@h/db?sslmode=require")).isFalse();
    }
}
