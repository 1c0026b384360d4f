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
                .isEqualTo("jdbc:postgresql://h/db?user=bot&password=***&sslmode=require&sslpassword=***");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?PASSWORD=a%26b")).isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
    }

    @Test
    void dropsUserInfo() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://bot:s3cret@h:5432/db")).isEqualTo("jdbc:postgresql://h:5432/db");
    }
}
