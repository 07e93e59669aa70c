// A small ServiceStack-compatible service host over Boost.Beast: one handler per request DTO
// type, routed by the DTOs' contract routes and verbs and ServiceStack's predefined routes.
//
//   sstk::host::service_host host;
//   host.handle<GetResetPasswordToken>([&](const GetResetPasswordToken& req) {
//       return GetResetPasswordTokenResponse{};
//   });
//   const auto port = host.listen("127.0.0.1", 0);   // 0: any free port
//   host.start();                                     // serves on host_options::threads threads
//   ...
//   host.stop();                                      // graceful: in-flight requests finish
//
// Per request (sstk/http/server.hpp does the ServiceStack parts): the best-scoring route of all
// registered types (RestPath.MatchScore; predefined /{format}/reply/{Name}, /api/{Name} first),
// the DTO bound from the body (any format, by Content-Type), path, query string and form, the
// response format negotiated (.ext > ?format= > Accept > the request's own > JSON), the
// handler's result written in it (200; 204 for a handler returning nothing). Thrown
// validation_error / service_error / sstk::error (a request that cannot be bound: 400
// SerializationException) / anything else (500) become ServiceStack-shaped error bodies, in the
// response DTO when it has a ResponseStatus, else ErrorResponse. No route: 404.
// Limits: request headers and body size (413 with a ServiceStack error body), time to receive a
// request, idle keep-alive time, time to send a response; a slow or oversized peer is cut off.
// HTTPS with host_options::tls (a PEM certificate chain and key).
// GET /types/metadata answers ServiceStack's MetadataTypes JSON of the registered DTOs
// (sstk/metadata/types.hpp), so that "Add ServiceStack Reference" tooling and sstk-codegen can
// generate clients for the service.
// Link OpenSSL::SSL and Threads::Threads (CMake target sstk::net in this project).
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/error.hpp>
#include <sstk/debug/printer.hpp>
#include <sstk/host/errors.hpp>
#include <sstk/http/body.hpp>
#include <sstk/http/error_response.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/negotiation.hpp>
#include <sstk/http/routing.hpp>
#include <sstk/http/server.hpp>
#include <sstk/metadata/types.hpp>
#include <sstk/servicestack/error_response.hpp>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sstk::host {

// A certificate chain and its private key, PEM (host_options::tls).
struct tls_identity {
    std::string certificate_chain_pem;
    std::string private_key_pem;
};

// One line per request for host_options::log: never the query string, a body or a secret —
// the route template rather than the path, and the DTO through sstk::debug (secrets masked).
struct request_log {
    std::string_view verb;
    std::string_view route;     // "/api/account/{UserName}/passwordresettoken", or the path when none matched
    std::string_view request;   // the bound DTO, log-safe (empty when it could not be bound)
    int status = 0;
    std::chrono::microseconds elapsed{};
};

struct host_options {
    unsigned threads = 2;
    std::size_t max_request_body = std::size_t(1) << 20;     // 413 beyond
    std::size_t max_request_header = 16 * 1024;               // 431 beyond
    std::chrono::milliseconds request_timeout{10'000};      // receive a request once it started
    std::chrono::milliseconds idle_timeout{30'000};         // wait for the next request on a connection
    std::chrono::milliseconds write_timeout{10'000};        // send a response
    std::chrono::milliseconds shutdown_timeout{5'000};      // stop(): in-flight requests get this long
    http::bind_options bind{};
    http::body_write_options write = http::body_write_options::server();
    std::optional<tls_identity> tls{};
    std::string server_header = "sstk";
    std::function<void(const request_log&)> log{};           // called on the I/O threads
    bool serve_metadata = true;                               // GET /types/metadata
    metadata::metadata_options metadata{};                    // its config (baseUrl)
};

// What a handler can see of the HTTP request besides its DTO, and set on the response.
class request_context {
public:
    request_context(const http::request& raw, http::format f, std::string remote) : raw_(raw), format_(f), remote_(std::move(remote)) {}

    const http::request& raw() const noexcept { return raw_; }
    std::optional<std::string_view> header(std::string_view name) const noexcept { return raw_.header(name); }
    // The bearer token of `Authorization: Bearer <token>`, if any.
    std::optional<std::string_view> bearer_token() const noexcept {
        const auto a = raw_.header("Authorization");
        if (!a || a->size() < 7 || !sstk::detail::iequals(a->substr(0, 7), "Bearer ")) return std::nullopt;
        return a->substr(7);
    }
    http::format response_format() const noexcept { return format_; }
    const std::string& remote_address() const noexcept { return remote_; }

    // Extra response headers; a status other than 200 for a successful response (e.g. 201).
    http::header_list response_headers;
    std::optional<int> status;

private:
    const http::request& raw_;
    http::format format_;
    std::string remote_;
};

namespace detail {

// The error body in the response DTO when it has a ResponseStatus (as ServiceStack does),
// else in ErrorResponse.
template <class Response>
http::response error_body(int status, ResponseStatus rs, http::format f, const http::body_write_options& w) {
    http::error_response_options o;
    o.body = w;
    if constexpr (described_class<Response> && !std::is_same_v<Response, ErrorResponse>) {
        bool has = false;
        for_each_member<Response>([&](auto m) {
            using V = typename decltype(m)::value_type;
            if constexpr (std::is_same_v<V, std::optional<ResponseStatus>> || std::is_same_v<V, ResponseStatus>)
                has = has || sstk::detail::iequals(decltype(m)::name, "ResponseStatus");
        });
        if (has) return http::error_response<Response>(status, std::move(rs), f, o);
    }
    return http::error_response<ErrorResponse>(status, std::move(rs), f, o);
}

struct route_hit {
    int score = -1;
    std::string_view template_text;
};

struct registration {
    std::string_view name;
    std::function<route_hit(std::string_view verb, std::string_view path)> match;
    // log_dto: where the log-safe DTO goes, null when nothing logs (it costs a print per request)
    std::function<http::response(const http::request&, const std::string& remote, std::string* log_dto)> invoke;
};

// A request that never reached a handler (no route, too large, malformed): ErrorResponse in the
// format the request asks for.
inline http::response plain_error(const http::request& req, int status, std::string error_code, std::string message,
                                  const host_options& o) {
    http::format f = o.bind.negotiation.default_format;
    try {
        f = http::negotiate(req, o.bind.negotiation).response;
    } catch (...) {
    }
    return error_body<ErrorResponse>(status, http::response_status(std::move(error_code), std::move(message)), f, o.write);
}

}  // namespace detail

class service_host {
public:
    explicit service_host(host_options options = {})
        : options_(std::move(options)), ioc_(static_cast<int>(std::max(1u, options_.threads))) {
        if (options_.tls) {
            tls_ = std::make_unique<boost::asio::ssl::context>(boost::asio::ssl::context::tls_server);
            tls_->set_options(boost::asio::ssl::context::default_workarounds | boost::asio::ssl::context::no_sslv2 |
                              boost::asio::ssl::context::no_sslv3 | boost::asio::ssl::context::no_tlsv1 |
                              boost::asio::ssl::context::no_tlsv1_1);
            boost::system::error_code ec;
            tls_->use_certificate_chain(boost::asio::buffer(options_.tls->certificate_chain_pem), ec);
            if (ec) throw error(errc::invalid_value, "host TLS: the certificate chain is not valid PEM: " + ec.message());
            tls_->use_private_key(boost::asio::buffer(options_.tls->private_key_pem), boost::asio::ssl::context::pem, ec);
            if (ec) throw error(errc::invalid_value, "host TLS: the private key is not valid PEM or does not match: " + ec.message());
        }
    }
    service_host(const service_host&) = delete;
    service_host& operator=(const service_host&) = delete;
    ~service_host() { stop(); }

    const host_options& options() const noexcept { return options_; }

    // Registers the handler of `Request`: callable as f(const Request&) or
    // f(const Request&, request_context&), returning the response DTO (or nothing: 204).
    // Register before start().
    template <class Request, class Handler>
    void handle(Handler handler) {
        static_assert(described_class<Request>, "a handler is registered for a request DTO (a described struct)");
        using Response = std::conditional_t<has_response_type<Request>, response_type_t<Request>, ErrorResponse>;
        detail::registration r;
        r.name = contract_of<Request>().name;
        r.match = [](std::string_view verb, std::string_view path) {
            detail::route_hit hit;
            if (auto m = http::match_route<Request>(verb, path, true)) {
                hit.score = m->kind == http::route_kind::declared ? m->score : INT_MAX;
                if (m->route) hit.template_text = m->route->path();
                else hit.template_text = contract_of<Request>().name;
            }
            return hit;
        };
        r.invoke = [this, handler = std::move(handler)](const http::request& req, const std::string& remote,
                                                        std::string* log_dto) mutable -> http::response {
            http::format f = options_.bind.negotiation.default_format;
            try {
                f = http::negotiate(req, options_.bind.negotiation).response;
                auto bound = http::bind_request<Request>(req, options_.bind);
                f = bound.response_format;
                if (log_dto) *log_dto = to_debug_string(bound.dto);
                request_context ctx(req, f, remote);
                http::response out;
                if constexpr (std::is_invocable_v<Handler&, const Request&, request_context&>) {
                    using R = std::invoke_result_t<Handler&, const Request&, request_context&>;
                    if constexpr (std::is_void_v<R>) handler(bound.dto, ctx), out.status = 204;
                    else write_result(out, handler(bound.dto, ctx), f);
                } else {
                    static_assert(std::is_invocable_v<Handler&, const Request&>,
                                  "the handler must be callable as f(const Request&) or f(const Request&, request_context&)");
                    using R = std::invoke_result_t<Handler&, const Request&>;
                    if constexpr (std::is_void_v<R>) handler(bound.dto), out.status = 204;
                    else write_result(out, handler(bound.dto), f);
                }
                if (ctx.status) out.status = *ctx.status;
                for (auto& h : ctx.response_headers) out.headers.push_back(std::move(h));
                return out;
            } catch (const validation_error& e) {
                return detail::error_body<Response>(400, http::validation_status(e.errors()), f, options_.write);
            } catch (const service_error& e) {
                return detail::error_body<Response>(e.status(), http::response_status(e.error_code(), e.message()), f, options_.write);
            } catch (const sstk::error& e) {
                // The request could not be bound (ServiceStack: SerializationException).
                return detail::error_body<Response>(400, http::response_status("SerializationException", e.what()), f, options_.write);
            } catch (const std::exception& e) {
                return detail::error_body<Response>(500, http::response_status("Exception", e.what()), f, options_.write);
            }
        };
        registrations_.push_back(std::move(r));
        add_metadata<Request>();
    }

    // The MetadataTypes document served at /types/metadata (the registered request DTOs, their
    // responses and every type they use). Throws sstk::error (errc::unsupported) when a registered
    // DTO cannot be described (a user-defined generic DTO, see sstk/metadata/types.hpp).
    const std::string& metadata_json() const {
        std::lock_guard lock(metadata_mutex_);
        if (metadata_error_) throw *metadata_error_;
        if (!metadata_json_) metadata_json_ = metadata_.json();
        return *metadata_json_;
    }

    // Opens the listening socket; returns the bound port (useful with port 0). Throws sstk::error.
    std::uint16_t listen(std::string_view address, std::uint16_t port) {
        boost::system::error_code ec;
        const auto addr = boost::asio::ip::make_address(address, ec);
        if (ec) throw error(errc::invalid_value, "host: '" + std::string(address) + "' is not an IP address");
        const tcp::endpoint ep(addr, port);
        acceptor_.open(ep.protocol(), ec);
        if (!ec) acceptor_.set_option(boost::asio::socket_base::reuse_address(true), ec);
        if (!ec) acceptor_.bind(ep, ec);
        if (!ec) acceptor_.listen(boost::asio::socket_base::max_listen_connections, ec);
        if (ec) throw error(errc::invalid_value, "host: cannot listen on " + std::string(address) + ":" + std::to_string(port) + ": " + ec.message());
        return acceptor_.local_endpoint().port();
    }
    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

    // Starts accepting and serving on host_options::threads threads; returns at once.
    void start() {
        if (!threads_.empty()) return;
        accept();
        for (unsigned i = 0; i < std::max(1u, options_.threads); ++i) threads_.emplace_back([this] { ioc_.run(); });
    }

    // Graceful shutdown: stops accepting, lets requests in progress finish (their responses
    // carry Connection: close), closes idle connections, and waits up to shutdown_timeout before
    // cutting what is left. Idempotent.
    void stop() {
        if (threads_.empty()) return;
        stopping_ = true;
        boost::asio::post(acceptor_strand_, [this] {
            boost::system::error_code ec;
            acceptor_.close(ec);
        });
        // The closers run unlocked: one may drop the last reference to a session, whose
        // destructor unregisters it.
        std::vector<std::function<void()>> closers;
        {
            std::lock_guard lock(sessions_mutex_);
            for (auto& [key, closer] : sessions_) closers.push_back(closer);
        }
        for (auto& closer : closers) closer();
        closers.clear();
        {
            std::unique_lock lock(sessions_mutex_);
            sessions_cv_.wait_for(lock, options_.shutdown_timeout, [this] { return sessions_.empty(); });
        }
        ioc_.stop();
        for (auto& t : threads_) t.join();
        threads_.clear();
    }

    // Serves one raw request as a connection would (no sockets): for tests and embedding.
    http::response serve(const http::request& req, const std::string& remote = "") { return dispatch(req, remote, nullptr, nullptr); }

    std::size_t open_connections() const {
        std::lock_guard lock(sessions_mutex_);
        return sessions_.size();
    }

private:
    using tcp = boost::asio::ip::tcp;

    template <class R>
    void write_result(http::response& out, const R& result, http::format f) {
        out.status = 200;
        out.headers.push_back({"Content-Type", std::string(http::response_content_type(f))});
        http::write_body(out.body, result, f, options_.write);
    }

    template <class Request>
    void add_metadata() {
        std::lock_guard lock(metadata_mutex_);
        metadata_json_.reset();
        if (metadata_error_) return;
        try {
            metadata_.add_operation<Request>();
        } catch (const sstk::error& e) {
            metadata_error_ = e;  // the operation still serves; /types/metadata says why it cannot
        }
    }

    // ServiceStack's NativeTypesFeature route; always JSON (what its tooling fetches).
    http::response metadata_response(const http::request& req) const {
        try {
            http::response out;
            out.status = 200;
            out.headers.push_back({"Content-Type", std::string(http::response_content_type(http::format::json))});
            if (!sstk::detail::iequals(req.verb, "HEAD")) out.body = metadata_json();
            return out;
        } catch (const sstk::error& e) {
            return detail::plain_error(req, 500, "NotSupportedException", e.what(), options_);
        }
    }

    static bool is_metadata_request(const http::request& req, std::string_view path) {
        return (sstk::detail::iequals(req.verb, "GET") || sstk::detail::iequals(req.verb, "HEAD")) &&
               sstk::detail::iequals(path, "/types/metadata");
    }

    http::response dispatch(const http::request& req, const std::string& remote, std::string* log_dto, std::string_view* route) {
        std::string_view path;
        try {
            path = http::negotiate(req, options_.bind.negotiation).path;
        } catch (...) {
            path = req.path();
        }
        if (options_.serve_metadata && is_metadata_request(req, path)) {
            if (route) *route = "/types/metadata";
            return metadata_response(req);
        }
        const detail::registration* best = nullptr;
        detail::route_hit best_hit;
        try {
            for (const auto& r : registrations_) {
                const detail::route_hit hit = r.match(req.verb, path);
                if (hit.score > best_hit.score) best = &r, best_hit = hit;
            }
        } catch (const sstk::error& e) {
            return detail::plain_error(req, 500, "Exception", e.what(), options_);
        }
        if (!best) {
            // ServiceStack's NotFoundHttpHandler: "Handler for Request not found".
            return detail::plain_error(req, 404, "NotFound", "Handler for Request not found: " + req.verb + " " + std::string(path), options_);
        }
        if (route) *route = best_hit.template_text;
        return best->invoke(req, remote, log_dto);
    }

    // ---- connections ---------------------------------------------------------------------------
    template <class Stream>
    class session : public std::enable_shared_from_this<session<Stream>> {
    public:
        session(service_host& host, Stream stream, std::string remote) : host_(host), stream_(std::move(stream)), remote_(std::move(remote)) {}
        ~session() { host_.unregister(this); }

        void start() {
            host_.register_session(this, [weak = this->weak_from_this()] {
                if (auto self = weak.lock())
                    boost::asio::post(self->lowest().get_executor(), [self] { self->close_if_idle(); });
            });
            if constexpr (is_tls) {
                lowest().expires_after(host_.options_.request_timeout);
                stream_.async_handshake(boost::asio::ssl::stream_base::server,
                                        [self = this->shared_from_this()](boost::system::error_code ec) {
                                            if (ec) return self->close();
                                            self->read();
                                        });
            } else {
                read();
            }
        }

    private:
        static constexpr bool is_tls = !std::is_same_v<Stream, boost::beast::tcp_stream>;
        using clock = std::chrono::steady_clock;

        boost::beast::tcp_stream& lowest() { return boost::beast::get_lowest_layer(stream_); }

        void read() {
            namespace bh = boost::beast::http;
            parser_.emplace();
            parser_->body_limit(host_.options_.max_request_body);
            parser_->header_limit(static_cast<std::uint32_t>(host_.options_.max_request_header));
            idle_ = buffer_.size() == 0;
            if (idle_ && host_.stopping_) return close();
            lowest().expires_after(first_ ? host_.options_.request_timeout : host_.options_.idle_timeout);
            bh::async_read_header(stream_, buffer_, *parser_, [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
                self->on_header(ec);
            });
        }

        void on_header(boost::system::error_code ec) {
            namespace bh = boost::beast::http;
            idle_ = false;
            first_ = false;
            if (ec) return fail(ec);
            started_ = clock::now();
            lowest().expires_after(host_.options_.request_timeout);
            bh::async_read(stream_, buffer_, *parser_, [self = this->shared_from_this()](boost::system::error_code e, std::size_t) {
                if (e) return self->fail(e);
                self->on_request();
            });
        }

        http::request to_request(bool with_body) {
            auto& msg = parser_->get();
            http::request req;
            req.verb = std::string(msg.method_string());
            req.target = std::string(msg.target());
            for (const auto& f : msg) req.headers.push_back({std::string(f.name_string()), std::string(f.value())});
            if (with_body) req.body = std::move(msg.body());
            return req;
        }

        void on_request() {
            const http::request req = to_request(true);
            std::string log_dto;
            std::string_view route = req.path();
            http::response out = host_.dispatch(req, remote_, host_.options_.log ? &log_dto : nullptr, &route);
            if (host_.options_.log) {
                request_log entry{req.verb, route, log_dto, out.status,
                                  std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - started_)};
                try {
                    host_.options_.log(entry);
                } catch (...) {  // a failing logger must not take the connection down
                }
            }
            respond(std::move(out), parser_->get().keep_alive());
        }

        // A request that failed before it reached a handler: answer it when it can be answered.
        void fail(boost::system::error_code ec) {
            namespace bh = boost::beast::http;
            if (ec == bh::error::body_limit) {
                // Kestrel's BadHttpRequestException, as a ServiceStack host would report it.
                const http::request req = to_request(false);
                return respond(detail::plain_error(req, 413, "BadHttpRequestException",
                                                   "Request body too large. The max request body size is " +
                                                       std::to_string(host_.options_.max_request_body) + " bytes.",
                                                   host_.options_),
                               false);
            }
            if (ec == bh::error::header_limit) {
                http::response r;
                r.status = 431;
                r.status_description = "Request Header Fields Too Large";
                return respond(r, false);
            }
            if (ec.category() == bh::make_error_code(bh::error::bad_target).category() && ec != bh::error::end_of_stream &&
                ec != bh::error::partial_message) {
                http::response r;
                r.status = 400;
                r.headers.push_back({"Content-Type", "text/plain"});
                r.body = "Bad Request: " + ec.message();
                return respond(r, false);
            }
            close();  // end of stream, timeout, reset, shutdown
        }

        void respond(http::response out, bool keep_alive) {
            namespace bh = boost::beast::http;
            res_ = {};
            res_.version(11);
            res_.result(static_cast<unsigned>(out.status));
            if (!out.status_description.empty()) res_.reason(out.status_description);
            res_.set(bh::field::server, host_.options_.server_header);
            for (const http::header& h : out.headers) res_.set(h.name, h.value);
            keep_alive_ = keep_alive && !host_.stopping_;
            res_.keep_alive(keep_alive_);
            res_.body() = std::move(out.body);
            res_.prepare_payload();
            lowest().expires_after(host_.options_.write_timeout);
            bh::async_write(stream_, res_, [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
                if (ec) return self->close();
                if (!self->keep_alive_) return self->shutdown();
                self->read();
            });
        }

        void shutdown() {
            if constexpr (is_tls) {
                lowest().expires_after(std::chrono::seconds(1));
                stream_.async_shutdown([self = this->shared_from_this()](boost::system::error_code) { self->close(); });
            } else {
                // A lingering close: what the peer still sends (the rest of a refused body) is
                // read and dropped until it closes too, so that its kernel does not answer our
                // close with a reset that could destroy the response before it is read.
                boost::system::error_code ec;
                stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
                if (ec) return close();
                lowest().expires_after(std::chrono::seconds(2));
                drain();
            }
        }

        void drain() {
            buffer_.consume(buffer_.size());
            stream_.async_read_some(buffer_.prepare(16 * 1024), [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
                if (ec) return self->close();
                self->drain();
            });
        }

        void close() {
            boost::system::error_code ec;
            lowest().socket().close(ec);
        }

        // stop(): an idle keep-alive connection is closed now; a busy one after its response.
        void close_if_idle() {
            if (idle_) close();
        }

        service_host& host_;
        Stream stream_;
        std::string remote_;
        boost::beast::flat_buffer buffer_;
        std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
        boost::beast::http::response<boost::beast::http::string_body> res_;
        clock::time_point started_{};
        bool idle_ = false;
        bool first_ = true;
        bool keep_alive_ = true;
    };

    void register_session(const void* key, std::function<void()> closer) {
        std::lock_guard lock(sessions_mutex_);
        sessions_.emplace(key, std::move(closer));
    }
    void unregister(const void* key) {
        std::lock_guard lock(sessions_mutex_);
        sessions_.erase(key);
        sessions_cv_.notify_all();
    }

    void accept() {
        acceptor_.async_accept(boost::asio::make_strand(ioc_), boost::asio::bind_executor(acceptor_strand_, [this](boost::system::error_code ec, tcp::socket socket) {
            if (ec == boost::asio::error::operation_aborted || !acceptor_.is_open()) return;
            if (!ec && !stopping_) {
                boost::system::error_code e;
                socket.set_option(tcp::no_delay(true), e);
                const auto remote = socket.remote_endpoint(e);
                std::string who = e ? std::string() : remote.address().to_string() + ":" + std::to_string(remote.port());
                if (tls_) {
                    std::make_shared<session<boost::beast::ssl_stream<boost::beast::tcp_stream>>>(
                        *this, boost::beast::ssl_stream<boost::beast::tcp_stream>(boost::beast::tcp_stream(std::move(socket)), *tls_), std::move(who))
                        ->start();
                } else {
                    std::make_shared<session<boost::beast::tcp_stream>>(*this, boost::beast::tcp_stream(std::move(socket)), std::move(who))->start();
                }
            }
            accept();
        }));
    }

    // Declared before the io_context: its destructor destroys pending handlers, whose sessions
    // unregister themselves and use the TLS context.
    host_options options_;
    std::unique_ptr<boost::asio::ssl::context> tls_;
    std::vector<detail::registration> registrations_;
    mutable std::mutex metadata_mutex_;
    metadata::types_builder metadata_{options_.metadata};
    mutable std::optional<std::string> metadata_json_;
    std::optional<sstk::error> metadata_error_;
    std::vector<std::thread> threads_;
    std::atomic<bool> stopping_{false};
    mutable std::mutex sessions_mutex_;
    std::condition_variable sessions_cv_;
    std::unordered_map<const void*, std::function<void()>> sessions_;
    boost::asio::io_context ioc_;
    boost::asio::strand<boost::asio::io_context::executor_type> acceptor_strand_{boost::asio::make_strand(ioc_)};
    tcp::acceptor acceptor_{acceptor_strand_};
};

}  // namespace sstk::host
