// A typed service call on both sides of the exchange, shared by the synchronous and the
// asynchronous client: the request sstk::http::request_for builds for the DTO (route from its
// contract, query string for GET/DELETE, body otherwise, Accept), and the response read as the
// DTO's IReturn<T> (or a status check for IReturnVoid), every failure a client_error.
#pragma once

#include <sstk/client/error.hpp>
#include <sstk/client/options.hpp>
#include <sstk/client/url.hpp>
#include <sstk/core/contract.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/request.hpp>
#include <sstk/http/response.hpp>
#include <sstk/servicestack/error_response.hpp>

#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace sstk::client::detail {

// What a typed call of Request returns: its IReturn<T> response, or nothing (IReturnVoid).
template <class Request>
using call_response_t = std::conditional_t<returns_void<Request>, void, response_type_t<Request>>;

struct prepared_call {
    http::request request;
    http::format accept = http::format::json;
};

template <class Request>
boost::system::result<prepared_call, client_error> prepare_call(const client_options& options, const Request& dto,
                                                                 std::optional<http_verb> verb, http::endpoint ep) {
    static_assert(has_response_type<Request> || returns_void<Request>,
                  "this request DTO declares no IReturn<T> / IReturnVoid: use exchange() and http::read_response<T>");
    http::request_options ro = options.request;
    ro.verb = verb;
    ro.endpoint = ep;
    const http::format f = options.format;
    ro.accept = http::is_response_format(f) ? f : http::format::json;
    auto req = http::try_request_for(dto, f, ro);
    if (!req) {
        client_error e;
        e.kind = fault::usage;
        e.message = "cannot make the request for " + std::string(contract_of<Request>().name) + ": " + req.error().what();
        e.cause = req.error();
        return boost::system::result<prepared_call, client_error>(boost::system::in_place_error, std::move(e));
    }
    return prepared_call{std::move(*req), *ro.accept};
}

template <class Request>
client_result<call_response_t<Request>> finish_call(const client_options& options, const base_url& url, const prepared_call& call,
                                                    client_result<http::response> resp) {
    using Response = call_response_t<Request>;
    using out = client_result<Response>;
    if (!resp) return out(boost::system::in_place_error, std::move(resp).error());
    http::response_options rdo = options.response;
    rdo.expected = call.accept;
    const auto describe = [&](const http::web_service_error& w) {
        return call.request.verb + " " + url.to_string() + call.request.target + ": " + w.describe();
    };
    if constexpr (std::is_void_v<Response>) {
        if (resp->status >= 200 && resp->status <= 299) return out();
        auto r = http::try_read_response<ErrorResponse>(*resp, rdo);
        client_error e;
        e.kind = fault::http;
        e.web = std::move(r).error();  // a status outside 2xx is always an error
        e.message = describe(*e.web);
        return out(boost::system::in_place_error, std::move(e));
    } else {
        auto r = http::try_read_response<Response>(*resp, rdo);
        if (r) return out(std::move(*r));
        client_error e;
        e.kind = r.error().is_http_error() ? fault::http : fault::body;
        e.web = std::move(r).error();
        e.message = describe(*e.web);
        return out(boost::system::in_place_error, std::move(e));
    }
}

}  // namespace sstk::client::detail
