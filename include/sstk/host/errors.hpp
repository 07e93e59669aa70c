// What a service handler throws to answer with an error, as ServiceStack services throw
// exceptions (research §9.2; sstk/http/error_response.hpp writes the body):
//
//   throw sstk::host::validation_error({sstk::http::field_error("NotEmpty", "Token", "'Token' must not be empty.")});
//   throw sstk::host::service_error(sstk::http::failure::argument, "Invalid token");      // 400 ArgumentException
//   throw sstk::host::service_error(404, "NotFound", "No such user");                      // any status and code
//
// validator collects field errors the way FluentValidation words them (ServiceStack's
// ValidationFeature): ErrorCode "NotEmpty", Message "'New Password' must not be empty.".
// Anything else a handler throws is a 500 with ErrorCode "Exception" and the message.
#pragma once

#include <sstk/http/error_response.hpp>
#include <sstk/servicestack/response_error.hpp>

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sstk::host {

// 400 with ResponseStatus.Errors: ServiceStack's ValidationException.
class validation_error : public std::exception {
public:
    explicit validation_error(std::vector<ResponseError> errors) : errors_(std::move(errors)) {
        what_ = "validation failed";
        for (const ResponseError& e : errors_) what_ += "; " + e.FieldName.value_or("") + ": " + e.Message.value_or("");
    }
    const std::vector<ResponseError>& errors() const noexcept { return errors_; }
    const char* what() const noexcept override { return what_.c_str(); }

private:
    std::vector<ResponseError> errors_;
    std::string what_;
};

// Any status with a ResponseStatus {ErrorCode, Message, Errors: []}.
class service_error : public std::exception {
public:
    service_error(http::failure kind, std::string message)
        : status_(http::status_of(kind)), error_code_(http::error_code_of(kind)), message_(std::move(message)) {}
    service_error(int status, std::string error_code, std::string message)
        : status_(status), error_code_(std::move(error_code)), message_(std::move(message)) {}
    int status() const noexcept { return status_; }
    const std::string& error_code() const noexcept { return error_code_; }
    const std::string& message() const noexcept { return message_; }
    const char* what() const noexcept override { return message_.c_str(); }

private:
    int status_;
    std::string error_code_;
    std::string message_;
};

// "NewPassword" → "New Password": how FluentValidation names a property in its messages
// (its default DisplayNameResolver splits PascalCase words).
inline std::string display_name(std::string_view property) {
    std::string out;
    for (std::size_t i = 0; i < property.size(); ++i) {
        const char c = property[i];
        const bool upper = c >= 'A' && c <= 'Z';
        if (i > 0 && upper) {
            const char prev = property[i - 1];
            const bool next_lower = i + 1 < property.size() && property[i + 1] >= 'a' && property[i + 1] <= 'z';
            if ((prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z' && next_lower)) out += ' ';
        }
        out += c;
    }
    return out;
}

// Collects field errors; throw_if_invalid() throws them as one validation_error.
class validator {
public:
    // FluentValidation NotEmpty: null, empty or whitespace-only.
    template <class T>
    validator& not_empty(std::string_view field, const std::optional<T>& value) {
        bool empty = !value.has_value();
        if constexpr (std::is_convertible_v<const T&, std::string_view>)
            empty = empty || std::string_view(*value).find_first_not_of(" \t\r\n") == std::string_view::npos;
        if (empty) add("NotEmpty", field, "'" + display_name(field) + "' must not be empty.");
        return *this;
    }
    // FluentValidation Equal(other): "'Confirm Password' must be equal to 'New Password'."
    validator& equal(std::string_view field, const std::optional<std::string>& value, std::string_view other_field,
                     const std::optional<std::string>& other) {
        if (value && other && *value != *other)
            add("Equal", field, "'" + display_name(field) + "' must be equal to '" + display_name(other_field) + "'.");
        return *this;
    }
    // FluentValidation MinimumLength: "The length of 'New Password' must be at least 8 characters. You entered 5 characters."
    validator& min_length(std::string_view field, const std::optional<std::string>& value, std::size_t min) {
        if (value && value->size() < min)
            add("MinimumLength", field,
                "The length of '" + display_name(field) + "' must be at least " + std::to_string(min) +
                    " characters. You entered " + std::to_string(value->size()) + " characters.");
        return *this;
    }
    // Any rule: `ok` false adds the field error.
    validator& check(bool ok, std::string error_code, std::string_view field, std::string message) {
        if (!ok) add(std::move(error_code), field, std::move(message));
        return *this;
    }
    validator& add(std::string error_code, std::string_view field, std::string message) {
        errors_.push_back(http::field_error(std::move(error_code), std::string(field), std::move(message)));
        return *this;
    }
    bool has_error(std::string_view field) const {
        for (const ResponseError& e : errors_)
            if (e.FieldName && *e.FieldName == field) return true;
        return false;
    }
    bool valid() const noexcept { return errors_.empty(); }
    const std::vector<ResponseError>& errors() const noexcept { return errors_; }
    void throw_if_invalid() {
        if (!errors_.empty()) throw validation_error(std::move(errors_));
    }

private:
    std::vector<ResponseError> errors_;
};

}  // namespace sstk::host
