// Writing an error response the way a ServiceStack server does (research §9.2):
//  - the status from the kind of failure (HttpRequestExtensions.ToStatusCode): argument,
//    serialization, format and validation failures 400; authentication 401; unauthorized access
//    403; file not found 404; not implemented / not supported 405; optimistic concurrency 409;
//    anything else 500;
//  - the body: the response DTO with its ResponseStatus set (DtoUtils.CreateResponseDto), or
//    ServiceStack's ErrorResponse; ErrorCode = the exception type name (or the first field
//    error's code for a validation failure), Message, Errors = [] for a plain exception
//    (ResponseStatusUtils.CreateResponseStatus) or the field errors;
//  - the status description is the ErrorCode, as ServiceStack sets it for validation errors
//    (ToWebServiceException: StatusDescription = status.ErrorCode);
//  - written in the negotiated format as a .NET Core server writes it (camelCase JSON/JSV,
//    `application/json; charset=utf-8`).
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/http/body.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/servicestack/error_response.hpp>
#include <sstk/servicestack/response_error.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sstk::http {

// The .NET exceptions ServiceStack maps to a status code.
enum class failure : unsigned char {
    argument,                // ArgumentException
    serialization,           // SerializationException (a request that cannot be bound)
    format,                  // FormatException
    validation,              // ValidationException (a ArgumentException)
    authentication,          // AuthenticationException
    unauthorized_access,     // UnauthorizedAccessException
    file_not_found,          // FileNotFoundException
    not_implemented,         // NotImplementedException
    not_supported,           // NotSupportedException
    optimistic_concurrency,  // OptimisticConcurrencyException
    unexpected,              // any other Exception
};

constexpr int status_of(failure f) noexcept {
    switch (f) {
    case failure::argument:
    case failure::serialization:
    case failure::format:
    case failure::validation: return 400;
    case failure::authentication: return 401;
    case failure::unauthorized_access: return 403;
    case failure::file_not_found: return 404;
    case failure::not_implemented:
    case failure::not_supported: return 405;
    case failure::optimistic_concurrency: return 409;
    case failure::unexpected: break;
    }
    return 500;
}

// The ErrorCode ServiceStack writes for the failure: the exception's type name (ToErrorCode).
constexpr std::string_view error_code_of(failure f) noexcept {
    switch (f) {
    case failure::argument: return "ArgumentException";
    case failure::serialization: return "SerializationException";
    case failure::format: return "FormatException";
    case failure::validation: return "ValidationException";
    case failure::authentication: return "AuthenticationException";
    case failure::unauthorized_access: return "UnauthorizedAccessException";
    case failure::file_not_found: return "FileNotFoundException";
    case failure::not_implemented: return "NotImplementedException";
    case failure::not_supported: return "NotSupportedException";
    case failure::optimistic_concurrency: return "OptimisticConcurrencyException";
    case failure::unexpected: break;
    }
    return "Exception";
}

// One field error as ServiceStack's ValidationFeature writes it: Meta holds the property name
// and the severity.
inline ResponseError field_error(std::string error_code, std::string field_name, std::string message) {
    ResponseError e;
    e.ErrorCode = std::move(error_code);
    e.FieldName = field_name;
    e.Message = std::move(message);
    auto& meta = e.Meta.emplace();
    meta["PropertyName"] = std::move(field_name);
    meta["Severity"] = std::string("Error");
    return e;
}

// ResponseStatus of a plain exception: Errors is an empty list, not null.
inline ResponseStatus response_status(std::string error_code, std::string message) {
    ResponseStatus s;
    s.ErrorCode = std::move(error_code);
    s.Message = std::move(message);
    s.Errors.emplace();
    return s;
}

// ResponseStatus of a validation failure: ErrorCode and Message are the first field error's.
inline ResponseStatus validation_status(std::vector<ResponseError> errors) {
    ResponseStatus s;
    if (!errors.empty()) {
        s.ErrorCode = errors.front().ErrorCode;
        s.Message = errors.front().Message;
    }
    s.Errors = std::move(errors);
    return s;
}

struct error_response_options {
    body_write_options body = body_write_options::server();
};

// An error response: `Response` (default ErrorResponse) with its ResponseStatus member set,
// in format `f` (a form is not a response format: JSON).
template <class Response = ErrorResponse>
response error_response(int status, ResponseStatus rs, format f, const error_response_options& o = {}) {
    static_assert(described_class<Response>, "the error body is a response DTO");
    if (!is_response_format(f)) f = format::json;
    Response dto{};
    bool placed = false;
    std::string description = rs.ErrorCode.value_or(std::string(reason_phrase(status)));
    for_each_member<Response>([&](auto m) {
        using M = decltype(m);
        if constexpr (std::is_same_v<typename M::value_type, std::optional<ResponseStatus>> ||
                      std::is_same_v<typename M::value_type, ResponseStatus>) {
            if (!placed && sstk::detail::iequals(M::name, "ResponseStatus")) {
                M::get(dto) = std::move(rs);
                placed = true;
            }
        }
    });
    if (!placed) throw error(errc::missing_member, std::string(contract_of<Response>().name) + " has no ResponseStatus member");
    response r;
    r.status = status;
    r.status_description = std::move(description);
    r.headers.push_back({"Content-Type", std::string(response_content_type(f))});
    write_body(r.body, dto, f, o.body);
    return r;
}

template <class Response = ErrorResponse>
response error_response(failure kind, std::string message, format f, const error_response_options& o = {}) {
    return error_response<Response>(status_of(kind), response_status(std::string(error_code_of(kind)), std::move(message)), f, o);
}

// 400 with ResponseStatus.Errors = the field errors.
template <class Response = ErrorResponse>
response validation_error_response(std::vector<ResponseError> errors, format f, const error_response_options& o = {}) {
    return error_response<Response>(status_of(failure::validation), validation_status(std::move(errors)), f, o);
}

// A request that could not be bound (bind_request's sstk::error): 400 SerializationException.
template <class Response = ErrorResponse>
response error_response(const sstk::error& e, format f, const error_response_options& o = {}) {
    return error_response<Response>(failure::serialization, e.what(), f, o);
}

}  // namespace sstk::http
