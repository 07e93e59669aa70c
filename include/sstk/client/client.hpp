// A typed ServiceStack service client over Boost.Beast: the C++ counterpart of JsonServiceClient,
// XmlServiceClient, JsvServiceClient and CsvServiceClient.
//
//   sstk::client::client c("https://api.example.com", {.format = sstk::http::format::json});
//   auto resp = c.send(GetResetPasswordToken{.UserName = "bob"});   // GetResetPasswordTokenResponse
//   auto r    = c.try_post(PasswordReset{...});                       // client_result<PasswordResetResponse>
//
// The request is what sstk::http::request_for builds for the DTO (route from its contract, query
// string for GET/DELETE, body otherwise) behind the base URL's path; the response is read with
// sstk::http::read_response (the IReturn<T> type, or a status check for IReturnVoid).
// Synchronous: each call runs the exchange of sstk/client/transport.hpp (which async_client.hpp
// runs on the user's executor) on a private io_context until it is over. One connection is
// kept alive and reused; a connection the server closed while idle is noticed before it is
// reused. Transport faults of idempotent verbs (GET, PUT, DELETE, HEAD, OPTIONS) are retried;
// POST and PATCH are sent once. Not thread-safe: use one client per thread.
// Link OpenSSL::SSL and Threads::Threads (CMake target sstk::net in this project).
#pragma once

#include <sstk/client/error.hpp>
#include <sstk/client/options.hpp>
#include <sstk/client/transport.hpp>
#include <sstk/client/typed_call.hpp>
#include <sstk/client/url.hpp>
#include <sstk/core/contract.hpp>
#include <sstk/http/message.hpp>

#include <boost/asio/io_context.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sstk::client {

class client {
public:
    explicit client(std::string_view base_url, client_options options = {})
        : transport_(std::make_shared<detail::transport>(ioc_.get_executor(), parse_base_url(base_url), std::move(options))) {}

    client(const client&) = delete;
    client& operator=(const client&) = delete;
    ~client() { close(); }

    const client_options& options() const noexcept { return transport_->options(); }
    // Changes apply to the next request (TLS settings to the next connection).
    client_options& options() noexcept { return transport_->options(); }
    const sstk::client::base_url& url() const noexcept { return transport_->url(); }

    void set_bearer_token(std::string token) { options().bearer_token = std::move(token); }
    void set_api_key(std::string key, api_key_style style = api_key_style::bearer) {
        options().api_key = std::move(key);
        options().api_key_as = style;
    }
    void add_header(std::string name, std::string value) { options().headers.push_back({std::move(name), std::move(value)}); }

    // ---- typed calls: the response of the DTO's IReturn<T> (nothing for IReturnVoid) ----------
    // send: the verb the DTO implies (else POST), as JsonServiceClient.Send.
    template <class Request>
    auto send(const Request& dto) { return try_send(dto).value(); }
    template <class Request>
    auto get(const Request& dto) { return try_get(dto).value(); }
    template <class Request>
    auto post(const Request& dto) { return try_post(dto).value(); }
    template <class Request>
    auto put(const Request& dto) { return try_put(dto).value(); }
    template <class Request>
    auto patch(const Request& dto) { return try_patch(dto).value(); }
    template <class Request>
    auto del(const Request& dto) { return try_del(dto).value(); }

    template <class Request>
    auto try_send(const Request& dto) { return call(dto, std::nullopt, http::endpoint::send); }
    template <class Request>
    auto try_get(const Request& dto) { return call(dto, http_verb::get, http::endpoint::route); }
    template <class Request>
    auto try_post(const Request& dto) { return call(dto, http_verb::post, http::endpoint::route); }
    template <class Request>
    auto try_put(const Request& dto) { return call(dto, http_verb::put, http::endpoint::route); }
    template <class Request>
    auto try_patch(const Request& dto) { return call(dto, http_verb::patch, http::endpoint::route); }
    template <class Request>
    auto try_del(const Request& dto) { return call(dto, http_verb::delete_, http::endpoint::route); }

    // ---- raw exchanges: any status is a response; only transport faults are errors ------------
    // `r.target` is relative to the base URL's path. Idempotent verbs are retried.
    http::response exchange(const http::request& r) {
        auto res = try_exchange(r);
        if (!res) res.error().raise();
        return std::move(*res);
    }
    client_result<http::response> try_exchange(const http::request& r) {
        std::optional<client_result<http::response>> out;
        transport_->exchange(r, [&out](client_result<http::response> res) { out.emplace(std::move(res)); });
        ioc_.restart();
        ioc_.run();
        return std::move(*out);
    }

    // Whether a connection is open (kept alive from the last exchange).
    bool connected() const noexcept { return transport_->idle_connections() > 0; }
    // Closes the kept-alive connection, if any; the next request opens a new one.
    void close() noexcept { transport_->close_idle(); }
    // How many connections this client has opened (keep-alive shows as reuse).
    std::size_t connections_opened() const noexcept { return transport_->connections_opened(); }

private:
    template <class Request>
    client_result<detail::call_response_t<Request>> call(const Request& dto, std::optional<http_verb> verb, http::endpoint ep) {
        auto prepared = detail::prepare_call(options(), dto, verb, ep);
        if (!prepared) return client_result<detail::call_response_t<Request>>(boost::system::in_place_error, std::move(prepared).error());
        return detail::finish_call<Request>(options(), url(), *prepared, try_exchange(prepared->request));
    }

    // Declared first: the transport's sockets and timers use it.
    boost::asio::io_context ioc_{1};
    std::shared_ptr<detail::transport> transport_;
};

}  // namespace sstk::client
