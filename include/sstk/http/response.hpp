// Reading a ServiceStack response: a 2xx body is the response DTO; anything else is a
// web_service_error carrying what the C# WebServiceException carries
// (ServiceStack.Client/WebServiceException.cs, research §9.2): the HTTP status and its
// description, the ResponseStatus decoded from the body's `ResponseStatus` member in any format
// and casing (ErrorCode, Message, StackTrace, field Errors), and the raw body.
//
//   auto dto = sstk::http::read_response<ResetPasswordResponse>(resp);       // throws
//   auto r   = sstk::http::try_read_response<ResetPasswordResponse>(resp);   // result<T, web_service_error>
//
// The body's format comes from its Content-Type, else response_options::expected. An error
// body is read first as the expected response type (ServiceStack answers with it when it has a
// ResponseStatus), then as ErrorResponse. A body that cannot be decoded never crashes: on an
// error status it leaves response_status empty and says why in body_error; on a 2xx status
// the throwing API throws the codec's sstk::error ("application/json body: ...").
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/http/body.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/servicestack/error_response.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <exception>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sstk::http {

struct web_service_error {
    int status_code = 500;
    std::string status_description;       // the reason phrase (the standard one when none was sent)
    std::optional<ResponseStatus> response_status;
    std::string response_body;
    std::string content_type;
    std::optional<sstk::error> body_error;  // why the body could not be read

    // ServiceStack's ErrorCode: ResponseStatus.ErrorCode, else the status description.
    std::string_view error_code() const noexcept {
        if (response_status && response_status->ErrorCode) return *response_status->ErrorCode;
        return status_description;
    }
    // ResponseStatus.Message, else empty.
    std::string_view error_message() const noexcept {
        if (response_status && response_status->Message) return *response_status->Message;
        return {};
    }
    std::string_view server_stack_trace() const noexcept {
        if (response_status && response_status->StackTrace) return *response_status->StackTrace;
        return {};
    }
    // The field errors of a validation failure.
    std::span<const ResponseError> field_errors() const noexcept {
        if (response_status && response_status->Errors) return *response_status->Errors;
        return {};
    }
    // The field error for `field` (case-insensitive), or nullptr.
    const ResponseError* field_error(std::string_view field) const noexcept {
        for (const ResponseError& e : field_errors())
            if (e.FieldName && sstk::detail::iequals(*e.FieldName, field)) return &e;
        return nullptr;
    }
    // An HTTP failure (status outside 2xx) rather than a 2xx body that could not be read.
    bool is_http_error() const noexcept { return status_code < 200 || status_code > 299; }

    // "400 Bad Request: NotEmpty: 'Name' must not be empty. (Name: 'Name' must not be empty.)"
    std::string describe() const {
        std::string s = std::to_string(status_code);
        if (!status_description.empty()) s += " " + status_description;
        const std::string_view code = error_code(), msg = error_message();
        // ServiceStack sends the error code as the reason phrase too ("400 NotEmpty"): once is enough.
        if (response_status && !code.empty() && code != status_description) s += ": " + std::string(code);
        if (!msg.empty()) s += ": " + std::string(msg);
        std::string fields;
        for (const ResponseError& e : field_errors()) {
            if (!fields.empty()) fields += "; ";
            fields += e.FieldName.value_or("") + ": " + e.Message.value_or(e.ErrorCode.value_or(""));
        }
        if (!fields.empty()) s += " (" + fields + ")";
        if (body_error) s += " [body not readable: " + std::string(body_error->what()) + "]";
        return s;
    }
};

// The throwing shape: ServiceStack's WebServiceException.
class web_service_exception : public std::exception {
public:
    explicit web_service_exception(web_service_error e) : error_(std::move(e)), what_(error_.describe()) {}
    const web_service_error& error() const noexcept { return error_; }
    int status_code() const noexcept { return error_.status_code; }
    std::string_view error_code() const noexcept { return error_.error_code(); }
    std::string_view error_message() const noexcept { return error_.error_message(); }
    const std::optional<ResponseStatus>& response_status() const noexcept { return error_.response_status; }
    const char* what() const noexcept override { return what_.c_str(); }

private:
    web_service_error error_;
    std::string what_;
};

template <class T>
using response_result = boost::system::result<T, web_service_error>;

// Found by ADL from response_result<T>::value(): an HTTP failure throws web_service_exception,
// an unreadable 2xx body its sstk::error.
[[noreturn]] inline void throw_exception_from_error(const web_service_error& e, const boost::source_location&) {
    if (e.is_http_error() || !e.body_error) throw web_service_exception(e);
    throw *e.body_error;
}

struct response_options {
    // The format asked for: used when the response has no (known) Content-Type.
    format expected = format::json;
    body_read_options read{};
};

namespace detail {

inline std::optional<format> body_format(const response& r, const response_options& o) {
    if (const auto ct = r.header("Content-Type")) {
        if (const auto f = format_from_content_type(*ct)) return f;
        if (!media_type(*ct).empty()) return std::nullopt;  // a type sstk cannot read (text/html)
    }
    return o.expected;
}

// The `ResponseStatus` member of a response DTO, if it has one.
template <class T>
std::optional<ResponseStatus> response_status_of(const T& dto) {
    std::optional<ResponseStatus> out;
    if constexpr (described_class<T>) {
        for_each_member<T>([&](auto m) {
            using M = decltype(m);
            if constexpr (std::is_same_v<typename M::value_type, std::optional<ResponseStatus>>) {
                if (sstk::detail::iequals(M::name, "ResponseStatus") && M::get(dto)) out = M::get(dto);
            } else if constexpr (std::is_same_v<typename M::value_type, ResponseStatus>) {
                if (sstk::detail::iequals(M::name, "ResponseStatus")) out = M::get(dto);
            }
        });
    }
    return out;
}

template <class T>
web_service_error error_from(const response& r, const response_options& o) {
    web_service_error e;
    e.status_code = r.status;
    e.status_description = r.status_description.empty() ? std::string(reason_phrase(r.status)) : r.status_description;
    e.response_body = r.body;
    e.content_type = std::string(r.header("Content-Type").value_or(""));
    if (r.body.empty()) return e;
    const auto f = body_format(r, o);
    if (!f) {
        e.body_error = sstk::error(errc::unsupported, "cannot read a '" + e.content_type + "' body");
        return e;
    }
    if constexpr (described_class<T> && !std::is_same_v<T, ErrorResponse>) {
        try {
            e.response_status = response_status_of(read_body<T>(r.body, *f, o.read));
            if (e.response_status) return e;
        } catch (const sstk::error&) {
            // Not the response type: try ErrorResponse below.
        }
    }
    try {
        auto er = read_body<ErrorResponse>(r.body, *f, o.read);
        e.response_status = std::move(er.ResponseStatus);
    } catch (const sstk::error& x) {
        e.body_error = x;
    }
    return e;
}

}  // namespace detail

// The non-throwing shape: the DTO, or a web_service_error (HTTP failure, or a 2xx body that
// could not be read: then is_http_error() is false and body_error says why).
template <class T>
response_result<T> try_read_response(const response& r, const response_options& o = {}) {
    if (r.status < 200 || r.status > 299) return detail::error_from<T>(r, o);
    T out{};
    if (r.body.empty()) return out;  // 204 No Content, or an empty body: the default DTO
    const auto f = detail::body_format(r, o);
    try {
        if (!f) throw sstk::error(errc::unsupported, "cannot read a '" + std::string(r.header("Content-Type").value_or("")) + "' body");
        read_body(r.body, out, *f, o.read);
    } catch (const sstk::error& x) {
        web_service_error e;
        e.status_code = r.status;
        e.status_description = r.status_description.empty() ? std::string(reason_phrase(r.status)) : r.status_description;
        e.response_body = r.body;
        e.content_type = std::string(r.header("Content-Type").value_or(""));
        e.body_error = x;
        return e;
    }
    return out;
}

// The throwing shape: web_service_exception for a status outside 2xx, sstk::error for a 2xx
// body that cannot be read.
template <class T>
T read_response(const response& r, const response_options& o = {}) {
    auto res = try_read_response<T>(r, o);
    if (res) return std::move(*res);
    throw_exception_from_error(res.error(), BOOST_CURRENT_LOCATION);
}

// The response of a request DTO's IReturn<T>; for IReturnVoid only the status is checked.
template <class Request>
auto read_response_for(const response& r, const response_options& o = {}) {
    static_assert(has_response_type<Request> || returns_void<Request>,
                  "this request DTO declares no IReturn<T>: call read_response<T> with the response type");
    if constexpr (returns_void<Request>) {
        if (r.status < 200 || r.status > 299) throw web_service_exception(detail::error_from<ErrorResponse>(r, o));
    } else {
        return read_response<response_type_t<Request>>(r, o);
    }
}

// Field-by-field convenience for a status + Content-Type + body triple.
template <class T>
T read_response(int status, std::string_view content_type, std::string_view body, const response_options& o = {}) {
    response r;
    r.status = status;
    if (!content_type.empty()) r.headers.push_back({"Content-Type", std::string(content_type)});
    r.body.assign(body);
    return read_response<T>(r, o);
}

template <class T>
response_result<T> try_read_response(int status, std::string_view content_type, std::string_view body, const response_options& o = {}) {
    response r;
    r.status = status;
    if (!content_type.empty()) r.headers.push_back({"Content-Type", std::string(content_type)});
    r.body.assign(body);
    return try_read_response<T>(r, o);
}

}  // namespace sstk::http
