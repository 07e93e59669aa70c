// The asynchronous service client: the same calls, formats, routing, timeouts, retries of
// idempotent verbs, keep-alive and errors as the synchronous client (client.hpp), on an Asio
// executor the caller runs, completing with an Asio completion token.
//
//   boost::asio::io_context ioc;
//   sstk::client::async_client c(ioc, "http://127.0.0.1:8080", {.format = sstk::http::format::xml});
//   c.async_get(Hello{.Name = "bob"}, [](sstk::client::client_result<HelloResponse> r) { ... });
//   auto f = c.async_post(Hello{.Name = "ann"}, boost::asio::use_future);   // std::future<client_result<...>>
//   ioc.run();
//
// Completion signature: void(client_result<Response>) — client_result<void> for IReturnVoid,
// client_result<http::response> for async_exchange. Errors are values (the client_error the
// synchronous try_ calls return), never exceptions thrown on the executor's threads. The
// handler runs on its associated executor (by default the client's), never inside the call
// that starts it. The DTO is encoded when the call starts: it need not outlive it.
//
// Calls may overlap: each takes an idle kept-alive connection or opens one, so N calls in
// flight use N connections, which return to the pool when their response is complete. The
// client's connections and state live on one strand of its executor; it may be called from any
// thread. The client must outlive nothing: calls in flight keep what they use alive.
// Link OpenSSL::SSL and Threads::Threads (CMake target sstk::net in this project).
#pragma once

#include <sstk/client/error.hpp>
#include <sstk/client/options.hpp>
#include <sstk/client/transport.hpp>
#include <sstk/client/typed_call.hpp>
#include <sstk/client/url.hpp>
#include <sstk/core/contract.hpp>
#include <sstk/http/message.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

namespace sstk::client {

class async_client {
public:
    using executor_type = boost::asio::any_io_executor;

    async_client(executor_type ex, std::string_view base_url, client_options options = {})
        : ex_(ex), transport_(std::make_shared<detail::transport>(std::move(ex), parse_base_url(base_url), std::move(options))) {}
    async_client(boost::asio::io_context& ioc, std::string_view base_url, client_options options = {})
        : async_client(executor_type(ioc.get_executor()), base_url, std::move(options)) {}

    async_client(const async_client&) = delete;
    async_client& operator=(const async_client&) = delete;

    executor_type get_executor() const noexcept { return ex_; }
    // Set before calls start: calls in flight read them.
    const client_options& options() const noexcept { return transport_->options(); }
    client_options& options() noexcept { return transport_->options(); }
    const sstk::client::base_url& url() const noexcept { return transport_->url(); }

    // ---- typed calls, as the synchronous client's try_ calls ----------------------------------
    template <class Request, class Token>
    auto async_send(const Request& dto, Token&& token) {
        return call(dto, std::nullopt, http::endpoint::send, std::forward<Token>(token));
    }
    template <class Request, class Token>
    auto async_get(const Request& dto, Token&& token) {
        return call(dto, http_verb::get, http::endpoint::route, std::forward<Token>(token));
    }
    template <class Request, class Token>
    auto async_post(const Request& dto, Token&& token) {
        return call(dto, http_verb::post, http::endpoint::route, std::forward<Token>(token));
    }
    template <class Request, class Token>
    auto async_put(const Request& dto, Token&& token) {
        return call(dto, http_verb::put, http::endpoint::route, std::forward<Token>(token));
    }
    template <class Request, class Token>
    auto async_patch(const Request& dto, Token&& token) {
        return call(dto, http_verb::patch, http::endpoint::route, std::forward<Token>(token));
    }
    template <class Request, class Token>
    auto async_del(const Request& dto, Token&& token) {
        return call(dto, http_verb::delete_, http::endpoint::route, std::forward<Token>(token));
    }

    // A raw exchange: any status is a response; only transport faults are errors.
    template <class Token>
    auto async_exchange(http::request r, Token&& token) {
        using result = client_result<http::response>;
        return boost::asio::async_initiate<Token, void(result)>(
            [t = transport_, ex = ex_](auto handler, http::request req) {
                auto work = boost::asio::make_work_guard(handler, ex);
                t->exchange(std::move(req), [handler = std::move(handler), work = std::move(work)](result r) mutable {
                    deliver(std::move(handler), std::move(work), std::move(r));
                });
            },
            token, std::move(r));
    }

    // Closes the idle kept-alive connections (calls in flight keep theirs).
    void close() {
        boost::asio::post(transport_->strand(), [t = transport_] { t->close_idle(); });
    }
    // How many connections this client has opened (keep-alive shows as reuse).
    std::size_t connections_opened() const noexcept { return transport_->connections_opened(); }

private:
    template <class Handler, class Work, class Result>
    static void deliver(Handler handler, Work work, Result r) {
        auto ex = work.get_executor();
        // the guard goes with the handler: its executor has work until the handler ran
        boost::asio::dispatch(ex, [handler = std::move(handler), work = std::move(work), r = std::move(r)]() mutable {
            work.reset();
            handler(std::move(r));
        });
    }

    template <class Request, class Token>
    auto call(const Request& dto, std::optional<http_verb> verb, http::endpoint ep, Token&& token) {
        using result = client_result<detail::call_response_t<Request>>;
        return boost::asio::async_initiate<Token, void(result)>(
            [t = transport_, ex = ex_](auto handler, boost::system::result<detail::prepared_call, client_error> prepared) {
                auto work = boost::asio::make_work_guard(handler, ex);
                if (!prepared) {  // nothing to send: complete later, never inside the initiating call
                    auto hex = work.get_executor();
                    boost::asio::post(hex, [handler = std::move(handler), work = std::move(work), e = std::move(prepared).error()]() mutable {
                        work.reset();
                        handler(result(boost::system::in_place_error, std::move(e)));
                    });
                    return;
                }
                auto call = std::make_shared<detail::prepared_call>(std::move(*prepared));
                t->exchange(call->request, [t, call, handler = std::move(handler), work = std::move(work)](client_result<http::response> r) mutable {
                    deliver(std::move(handler), std::move(work), detail::finish_call<Request>(t->options(), t->url(), *call, std::move(r)));
                });
            },
            token, detail::prepare_call(options(), dto, verb, ep));
    }

    executor_type ex_;
    std::shared_ptr<detail::transport> transport_;
};

}  // namespace sstk::client
