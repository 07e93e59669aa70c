// The seed password-reset service, for real: sstk::host serves the seed DTOs over HTTPS and
// sstk::client calls it in JSON, XML, JSV and CSV.
//
//  - GetResetPasswordToken: a random single-use token (32 bytes from libsodium's CSPRNG,
//    base64url), valid for 15 minutes, mailed to the user through an outbox; only its BLAKE2b
//    hash is stored. Unknown user names get the same 200 and no mail (no account discovery).
//  - PasswordReset (platform_api) and ResetPassword (antel_api, TemporaryPassword = the token,
//    ApiKey checked) check the fields (FluentValidation-style field errors: NotEmpty, Equal,
//    MinimumLength, a letter-and-digit policy), then the token (InvalidToken / ExpiredToken
//    field errors), then store the password as an Argon2id hash (libsodium crypto_pwhash_str)
//    in SQLite and spend the token.
//  - Errors are ServiceStack's: 400 with ResponseStatus.Errors, 401 Unauthorized for a bad API key.
//  - Logs carry the route and the DTO through sstk::debug: never a token or a password.
//
// Run: example_reset_service — plays every operation and error path once per format against a
// loopback HTTPS host with a certificate made at start-up, checks every answer, prints a
// transcript and exits non-zero on the first surprise. The CTest test example_reset_service.
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/client/client.hpp>
#include <sstk/debug.hpp>
#include <sstk/host/errors.hpp>
#include <sstk/host/service_host.hpp>
#include <sstk/host/test_certificate.hpp>

#include <sodium.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace reset {

using namespace sstk::apis;

struct email {
    std::string to, subject, body;
};

// Where mail goes: a real service would hand it to an SMTP relay; tests read it from here.
class outbox {
public:
    void deliver(email e) {
        std::lock_guard lock(mutex_);
        mail_.push_back(std::move(e));
    }
    std::vector<email> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(mail_, {});
    }

private:
    std::mutex mutex_;
    std::vector<email> mail_;
};

struct policy {
    std::size_t min_length = 8;
    std::chrono::seconds token_lifetime{15 * 60};
    unsigned long long opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;  // Argon2id cost
    std::size_t memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;         // 64 MiB
    std::string api_key;                                               // ResetPassword's ApiKey
};

// One SQLite connection, serialized: handlers run on several host threads.
class database {
public:
    explicit database(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open the database '" + path + "': " + sqlite3_errmsg(db_));
        exec("PRAGMA foreign_keys = ON");
        exec("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, user_name TEXT UNIQUE NOT NULL COLLATE NOCASE,"
             " email TEXT UNIQUE NOT NULL COLLATE NOCASE, password_hash TEXT NOT NULL)");
        exec("CREATE TABLE IF NOT EXISTS reset_tokens (token_hash TEXT PRIMARY KEY,"
             " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at INTEGER NOT NULL)");
    }
    database(const database&) = delete;
    database& operator=(const database&) = delete;
    ~database() { sqlite3_close_v2(db_); }

    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            std::string what = err ? err : "unknown error";
            sqlite3_free(err);
            throw std::runtime_error("SQLite: " + what);
        }
    }

    // A prepared statement with text/integer binds; step() returns whether a row is there.
    class statement {
    public:
        statement(sqlite3* db, const char* sql) : db_(db) {
            if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db));
        }
        statement(const statement&) = delete;
        statement& operator=(const statement&) = delete;
        ~statement() { sqlite3_finalize(stmt_); }
        statement& bind(int i, std::string_view text) {
            sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
            return *this;
        }
        statement& bind(int i, std::int64_t v) {
            sqlite3_bind_int64(stmt_, i, v);
            return *this;
        }
        bool step() {
            const int rc = sqlite3_step(stmt_);
            if (rc == SQLITE_ROW) return true;
            if (rc == SQLITE_DONE) return false;
            throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db_));
        }
        std::int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }
        std::string text(int col) {
            const auto* p = sqlite3_column_text(stmt_, col);
            return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
        }

    private:
        sqlite3* db_;
        sqlite3_stmt* stmt_ = nullptr;
    };
    statement prepare(const char* sql) { return statement(db_, sql); }
    std::mutex& mutex() { return mutex_; }

private:
    sqlite3* db_ = nullptr;
    std::mutex mutex_;
};

class service {
public:
    service(const std::string& db_path, outbox& mail, policy p) : db_(db_path), outbox_(mail), policy_(std::move(p)) {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    }

    // The clock, shifted for tests of expiry.
    void advance_clock(std::chrono::seconds by) { clock_offset_ += by.count(); }
    std::int64_t now() const {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() + clock_offset_;
    }

    void add_user(std::string_view user_name, std::string_view email, std::string_view password) {
        const std::string hash = hash_password(password);
        std::lock_guard lock(db_.mutex());
        db_.prepare("INSERT INTO users (user_name, email, password_hash) VALUES (?, ?, ?)").bind(1, user_name).bind(2, email).bind(3, hash).step();
    }

    bool verify_password(std::string_view user_name, std::string_view password) {
        std::string hash;
        {
            std::lock_guard lock(db_.mutex());
            auto s = db_.prepare("SELECT password_hash FROM users WHERE user_name = ?");
            s.bind(1, user_name);
            if (!s.step()) return false;
            hash = s.text(0);
        }
        return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
    }

    std::string stored_hash(std::string_view user_name) {
        std::lock_guard lock(db_.mutex());
        auto s = db_.prepare("SELECT password_hash FROM users WHERE user_name = ?");
        s.bind(1, user_name);
        return s.step() ? s.text(0) : std::string();
    }

    void register_with(sstk::host::service_host& host) {
        host.handle<platform_api::GetResetPasswordToken>([this](const auto& r) { return get_token(r); });
        host.handle<platform_api::PasswordReset>([this](const auto& r) { return reset(r); });
        host.handle<antel_api::ResetPassword>([this](const auto& r) { return reset(r); });
    }

    platform_api::GetResetPasswordTokenResponse get_token(const platform_api::GetResetPasswordToken& req) {
        sstk::host::validator v;
        v.not_empty("UserName", req.UserName);
        v.throw_if_invalid();
        std::int64_t user_id = 0;
        std::string email;
        {
            std::lock_guard lock(db_.mutex());
            auto s = db_.prepare("SELECT id, email FROM users WHERE user_name = ?");
            s.bind(1, *req.UserName);
            if (!s.step()) return {};  // the same answer as for a known user
            user_id = s.integer(0);
            email = s.text(1);
        }
        unsigned char raw[32];
        randombytes_buf(raw, sizeof raw);
        char token[sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
        sodium_bin2base64(token, sizeof token, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        sodium_memzero(raw, sizeof raw);
        {
            std::lock_guard lock(db_.mutex());
            db_.prepare("DELETE FROM reset_tokens WHERE expires_at <= ?").bind(1, now()).step();
            db_.prepare("INSERT INTO reset_tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?)")
                .bind(1, token_hash(token))
                .bind(2, user_id)
                .bind(3, now() + policy_.token_lifetime.count())
                .step();
        }
        std::string link = req.ApplianceLoginUrl.value_or("https://example.invalid/reset");
        link += (link.find('?') == std::string::npos ? "?token=" : "&token=") + std::string(token);
        outbox_.deliver({email, "Reset your password",
                         "Someone asked to reset the password of " + *req.UserName + ".\nToken: " + token + "\nLink: " + link +
                             "\nIt can be used once, within " + std::to_string(policy_.token_lifetime.count() / 60) + " minutes.\n"});
        sodium_memzero(token, sizeof token);
        return {};
    }

    platform_api::PasswordResetResponse reset(const platform_api::PasswordReset& req) {
        sstk::host::validator v;
        v.not_empty("Token", req.Token);
        check_new_password(v, "NewPassword", req.NewPassword, "ConfirmPassword", req.ConfirmPassword);
        v.throw_if_invalid();
        spend_token(*req.Token, "Token", std::nullopt, *req.NewPassword);
        return {};
    }

    antel_api::ResetPasswordResponse reset(const antel_api::ResetPassword& req) {
        sstk::host::validator v;
        v.not_empty("ApiKey", req.ApiKey);
        v.not_empty("TemporaryPassword", req.TemporaryPassword);
        v.not_empty("EmailAddress", req.EmailAddress);
        check_new_password(v, "Password", req.Password, "PasswordConfirm", req.PasswordConfirm);
        v.throw_if_invalid();
        // ServiceStack's HttpError.Unauthorized(message): 401, ErrorCode "Unauthorized".
        if (policy_.api_key.empty() || sodium_memcmp_strings(*req.ApiKey, policy_.api_key) != 0)
            throw sstk::host::service_error(401, "Unauthorized", "Invalid API Key");
        const std::int64_t user_id = spend_token(*req.TemporaryPassword, "TemporaryPassword", *req.EmailAddress, *req.Password);
        antel_api::ResetPasswordResponse r;
        r.WasSuccessful = true;
        r.Heading = "Password changed";
        r.Description = "The password has been reset.";
        r.SystemUserId = static_cast<std::int32_t>(user_id);
        return r;
    }

private:
    static int sodium_memcmp_strings(const std::string& a, const std::string& b) {
        if (a.size() != b.size()) return -1;
        return sodium_memcmp(a.data(), b.data(), a.size());
    }

    void check_new_password(sstk::host::validator& v, std::string_view field, const std::optional<std::string>& pw,
                            std::string_view confirm_field, const std::optional<std::string>& confirm) {
        v.not_empty(field, pw);
        v.not_empty(confirm_field, confirm);
        v.min_length(field, pw, policy_.min_length);
        if (pw && !pw->empty()) {
            bool letter = false, digit = false;
            for (const char c : *pw) {
                letter = letter || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                digit = digit || (c >= '0' && c <= '9');
            }
            v.check(letter && digit, "PasswordPolicy", field, "'" + sstk::host::display_name(field) + "' must contain a letter and a digit.");
        }
        v.equal(confirm_field, confirm, field, pw);
    }

    static std::string token_hash(std::string_view token) {
        unsigned char h[crypto_generichash_BYTES];
        crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
        char hex[sizeof h * 2 + 1];
        sodium_bin2hex(hex, sizeof hex, h, sizeof h);
        return hex;
    }

    std::string hash_password(std::string_view password) const {
        char out[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str(out, password.data(), password.size(), policy_.opslimit, policy_.memlimit) != 0)
            throw std::runtime_error("out of memory hashing a password");
        return out;
    }

    // Checks the token (and that it belongs to `email`, when given), stores the new password
    // and deletes the user's tokens, all in one transaction. Returns the user id.
    std::int64_t spend_token(const std::string& token, std::string_view field, std::optional<std::string> email, const std::string& password) {
        const std::string hash = hash_password(password);  // outside the lock: it takes a while
        std::lock_guard lock(db_.mutex());
        auto s = db_.prepare("SELECT t.user_id, t.expires_at, u.email FROM reset_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?");
        s.bind(1, token_hash(token));
        const auto invalid = [&] {
            return sstk::host::validation_error(
                {sstk::http::field_error("InvalidToken", std::string(field), "The password reset token is not valid or has been used.")});
        };
        if (!s.step()) throw invalid();
        const std::int64_t user_id = s.integer(0), expires_at = s.integer(1);
        if (email && !sstk::detail::iequals(*email, s.text(2))) throw invalid();
        if (expires_at <= now()) {
            db_.prepare("DELETE FROM reset_tokens WHERE token_hash = ?").bind(1, token_hash(token)).step();
            throw sstk::host::validation_error(
                {sstk::http::field_error("ExpiredToken", std::string(field), "The password reset token has expired.")});
        }
        db_.exec("BEGIN IMMEDIATE");
        try {
            db_.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(1, hash).bind(2, user_id).step();
            db_.prepare("DELETE FROM reset_tokens WHERE user_id = ?").bind(1, user_id).step();
            db_.exec("COMMIT");
        } catch (...) {
            db_.exec("ROLLBACK");
            throw;
        }
        return user_id;
    }

    database db_;
    outbox& outbox_;
    policy policy_;
    std::atomic<std::int64_t> clock_offset_{0};
};

}  // namespace reset

// ---- the demonstration: every path, every format, checked --------------------------------------

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
    if (!ok) {
        ++failures;
        std::cout << "  FAILED: " << what << "\n";
    }
}

std::string token_from(const reset::email& e) {
    const auto at = e.body.find("Token: ");
    if (at == std::string::npos) return {};
    return e.body.substr(at + 7, e.body.find('\n', at) - at - 7);
}

// The field errors of a failed call, "Field:Code" joined by spaces.
template <class R>
std::string field_errors(const R& r) {
    if (r.has_value() || !r.error().web) return "(no error)";
    const auto err = r.error();  // a copy (boost::system::result::error()): keep it while iterating
    std::string s;
    for (const auto& e : err.web->field_errors()) s += (s.empty() ? "" : " ") + e.FieldName.value_or("") + ":" + e.ErrorCode.value_or("");
    return s;
}

}  // namespace

int main() {
    using namespace sstk::apis;
    using sstk::http::format;

    reset::outbox mail;
    reset::policy policy;
    policy.api_key = "ak-demo-1";
    reset::service svc(":memory:", mail, policy);
    svc.add_user("bob", "bob@example.com", "initial-Passw0rd");
    svc.add_user("ann", "ann@example.com", "initial-Passw0rd");

    std::mutex log_mutex;
    std::vector<std::string> log;
    const auto cert = sstk::host::make_test_certificate({"localhost", "127.0.0.1"});
    sstk::host::host_options ho;
    ho.tls = sstk::host::tls_identity{cert.certificate_pem, cert.private_key_pem};
    ho.log = [&](const sstk::host::request_log& l) {
        std::lock_guard lock(log_mutex);
        log.push_back(std::string(l.verb) + " " + std::string(l.route) + " -> " + std::to_string(l.status) + "  " + std::string(l.request));
    };
    sstk::host::service_host host(ho);
    svc.register_with(host);
    const auto port = host.listen("127.0.0.1", 0);
    host.start();
    const std::string base = "https://127.0.0.1:" + std::to_string(port);
    std::cout << "password-reset service on " << base << "\n";

    std::vector<std::string> secrets = {"initial-Passw0rd"};
    int n = 0;
    for (const format f : {format::json, format::xml, format::jsv, format::csv}) {
        std::cout << "\n[" << sstk::http::mime_type(f) << "]\n";
        sstk::client::client_options co;
        co.format = f;
        co.tls.ca_pem = cert.certificate_pem;
        sstk::client::client client(base, co);
        const std::string new_password = "New-Passw0rd-" + std::to_string(++n);
        secrets.push_back(new_password);

        // 1. Ask for a token: 200, one mail with a token in it.
        platform_api::GetResetPasswordToken ask;
        ask.UserName = "bob";
        ask.ApplianceLoginUrl = "https://acme.example/login";
        client.get(ask);
        auto inbox = mail.take();
        expect(inbox.size() == 1 && inbox[0].to == "bob@example.com", "one mail to bob");
        const std::string token = inbox.empty() ? "" : token_from(inbox[0]);
        secrets.push_back(token);
        expect(token.size() == 43, "a 256-bit base64url token");
        std::cout << "  GetResetPasswordToken bob: 200, mail to " << (inbox.empty() ? "?" : inbox[0].to) << " with a " << token.size()
                  << "-character token\n";
        platform_api::GetResetPasswordToken nobody;
        nobody.UserName = "nobody";
        client.get(nobody);
        expect(mail.take().empty(), "no mail for an unknown user");
        auto empty_name = client.try_send(platform_api::GetResetPasswordToken{});  // POST /{format}/reply/...: no route needs the name
        expect(field_errors(empty_name) == "UserName:NotEmpty", "UserName required: " + field_errors(empty_name));

        // 2. The error paths of PasswordReset, each a 400 with field errors.
        platform_api::PasswordReset pr;
        pr.Token = token;
        pr.NewPassword = new_password;
        pr.ConfirmPassword = new_password + "x";
        auto mismatch = client.try_post(pr);
        expect(!mismatch && mismatch.error().status_code() == 400 && field_errors(mismatch) == "ConfirmPassword:Equal",
               "mismatched passwords: " + field_errors(mismatch));
        std::cout << "  PasswordReset, passwords differ: " << (mismatch ? "200?" : mismatch.error().message) << "\n";

        platform_api::PasswordReset weak = pr;
        weak.NewPassword = weak.ConfirmPassword = "short";
        auto weak_r = client.try_post(weak);
        expect(field_errors(weak_r) == "NewPassword:MinimumLength NewPassword:PasswordPolicy", "weak password: " + field_errors(weak_r));
        expect(!weak_r && weak_r.error().web->field_error("NewPassword")->Message ==
                              "The length of 'New Password' must be at least 8 characters. You entered 5 characters.",
               "FluentValidation's MinimumLength message");

        auto missing = client.try_post(platform_api::PasswordReset{});
        expect(field_errors(missing) == "Token:NotEmpty NewPassword:NotEmpty ConfirmPassword:NotEmpty", "missing fields: " + field_errors(missing));
        expect(!missing && missing.error().web->error_code() == "NotEmpty" && missing.error().web->error_message() == "'Token' must not be empty.",
               "ErrorCode and Message are the first field error's");

        platform_api::PasswordReset wrong = pr;
        wrong.ConfirmPassword = new_password;
        wrong.Token = "not-the-token";
        auto wrong_r = client.try_post(wrong);
        expect(field_errors(wrong_r) == "Token:InvalidToken", "wrong token: " + field_errors(wrong_r));
        std::cout << "  PasswordReset, wrong token: " << (wrong_r ? "200?" : wrong_r.error().message) << "\n";

        // 3. The real reset: 200, the password is stored as Argon2id and works; the token is spent.
        pr.ConfirmPassword = new_password;
        client.post(pr);
        expect(svc.verify_password("bob", new_password), "the new password verifies");
        expect(!svc.verify_password("bob", "initial-Passw0rd"), "the old password no longer does");
        expect(svc.stored_hash("bob").rfind("$argon2id$", 0) == 0, "stored as an Argon2id hash");
        std::cout << "  PasswordReset: 200, stored " << svc.stored_hash("bob").substr(0, 30) << "...\n";
        auto again = client.try_post(pr);
        expect(field_errors(again) == "Token:InvalidToken", "a token works once: " + field_errors(again));

        // 4. An expired token.
        client.get(ask);
        inbox = mail.take();
        const std::string late = inbox.empty() ? "" : token_from(inbox[0]);
        secrets.push_back(late);
        svc.advance_clock(std::chrono::minutes(16));
        platform_api::PasswordReset expired = pr;
        expired.Token = late;
        auto expired_r = client.try_post(expired);
        expect(field_errors(expired_r) == "Token:ExpiredToken", "expired token: " + field_errors(expired_r));
        std::cout << "  PasswordReset, token 16 minutes old: " << (expired_r ? "200?" : expired_r.error().message) << "\n";

        // 5. antel's ResetPassword: the API key, the e-mail address and the token.
        platform_api::GetResetPasswordToken ask_ann;
        ask_ann.UserName = "ann";
        client.get(ask_ann);
        inbox = mail.take();
        const std::string ann_token = inbox.empty() ? "" : token_from(inbox[0]);
        secrets.push_back(ann_token);
        antel_api::ResetPassword rp;
        rp.ApiKey = "wrong-key";
        rp.EmailAddress = "ann@example.com";
        rp.TemporaryPassword = ann_token;
        rp.Password = rp.PasswordConfirm = new_password;
        auto unauthorized = client.try_post(rp);
        expect(!unauthorized && unauthorized.error().status_code() == 401 && unauthorized.error().web->error_code() == "Unauthorized",
               "a wrong API key is 401 Unauthorized");
        rp.ApiKey = policy.api_key;
        rp.EmailAddress = "bob@example.com";
        auto other_user = client.try_post(rp);
        expect(field_errors(other_user) == "TemporaryPassword:InvalidToken", "a token of another user: " + field_errors(other_user));
        rp.EmailAddress = "ANN@example.com";
        const auto done = client.post(rp);
        expect(done.WasSuccessful == true && done.SystemUserId == 2, "ResetPassword succeeded for ann");
        expect(svc.verify_password("ann", new_password), "ann's new password verifies");
        std::cout << "  ResetPassword ann: WasSuccessful " << (done.WasSuccessful.value_or(false) ? "true" : "false") << ", SystemUserId "
                  << done.SystemUserId.value_or(0) << "\n";
        expect(client.connections_opened() == 1, "one kept-alive connection per client");
    }

    // The README's client call: ask for a token, then reset with it (errors come back as a value).
    const std::string pw = "Readme-Passw0rd-1";
    secrets.push_back(pw);
    sstk::client::client api(base, {.format = format::xml, .tls = {.ca_pem = cert.certificate_pem}});
    platform_api::GetResetPasswordToken ask_bob;
    ask_bob.UserName = "bob";
    api.get(ask_bob);  // 200; the token is mailed
    platform_api::PasswordReset reset;
    reset.NewPassword = reset.ConfirmPassword = pw;
    reset.Token = token_from(mail.take().at(0));
    auto r = api.try_post(reset);  // r.error(): status, field errors
    secrets.push_back(*reset.Token);
    expect(r.has_value() && svc.verify_password("bob", pw), "README: the client call");
    host.stop();

    // Nothing secret reached the log.
    std::cout << "\nrequest log (" << log.size() << " lines), e.g.\n  " << (log.size() > 6 ? log[6] : "") << "\n";
    for (const std::string& line : log)
        for (const std::string& s : secrets)
            expect(s.empty() || line.find(s) == std::string::npos, "a secret in the log: " + line);
    expect(log.size() == 4 * 15 + 2, "every request logged (" + std::to_string(log.size()) + ")");

    std::cout << (failures ? "\nFAILED: " + std::to_string(failures) + " check(s)\n" : "\nall checks passed\n");
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
