// The HTTP/1.1 exchange under both service clients: a pool of kept-alive connections to one base
// URL and an asynchronous exchange (resolve, connect, TLS handshake, write, read) with the
// timeouts, the retries of idempotent verbs and the error classification of client_options.
// client.hpp runs it on a private io_context until it completes; async_client.hpp runs it on
// the user's executor. Everything a transport does runs on its strand.
//
// A kept-alive connection the server closed (or wrote to unasked) while it was idle is readable
// before anything was sent: it is noticed when taken from the pool and replaced, so a POST is
// never sent on a dead connection and never sent twice.
#pragma once

#include <sstk/client/error.hpp>
#include <sstk/client/options.hpp>
#include <sstk/client/url.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/http/message.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <poll.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sstk::client::detail {

inline std::string base64(std::string_view in) {
    static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += table[v & 63];
    }
    if (i + 1 == in.size()) {
        const unsigned v = (unsigned char)in[i] << 16;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += "==";
    } else if (i + 2 == in.size()) {
        const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += '=';
    }
    return out;
}

constexpr bool is_idempotent(std::string_view verb) noexcept {
    using sstk::detail::iequals;
    return iequals(verb, "GET") || iequals(verb, "PUT") || iequals(verb, "DELETE") || iequals(verb, "HEAD") ||
           iequals(verb, "OPTIONS");
}

// Faults after which another attempt can succeed.
constexpr bool is_retryable(fault f) noexcept {
    return f == fault::connect || f == fault::closed || f == fault::timeout || f == fault::resolve;
}

inline std::string ms(std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; }

// One connection, plain or TLS, with its read buffer.
struct connection {
    using plain_stream = boost::beast::tcp_stream;
    using secure_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

    std::optional<plain_stream> plain;
    std::optional<secure_stream> secure;
    boost::beast::flat_buffer buffer;

    plain_stream& lowest() { return secure ? secure->next_layer() : *plain; }
    bool open() const noexcept { return plain.has_value() || secure.has_value(); }

    // Readable before we wrote anything: the server closed it or sent something unasked.
    bool stale() {
        pollfd p{};
        p.fd = lowest().socket().native_handle();
        p.events = POLLIN;
        return ::poll(&p, 1, 0) != 0;
    }

    void close() noexcept {
        boost::system::error_code ec;
        if (secure) {
            secure->next_layer().socket().close(ec);
            secure.reset();
        }
        if (plain) {
            plain->socket().close(ec);
            plain.reset();
        }
    }
    ~connection() { close(); }
};

// What an exchange calls once it is over, type-erased: the exchange (resolve, connect, TLS
// handshake, write and read, over both stream types: most of Beast) is then compiled once per
// translation unit, not once per handler type of every async_client call site. Move-only, as
// the handlers it carries are. One allocation per exchange, next to a network round trip.
class exchange_done {
public:
    template <class F>
    explicit exchange_done(F f) : impl_(std::make_unique<impl<F>>(std::move(f))) {}
    void operator()(client_result<http::response> r) { impl_->call(std::move(r)); }

private:
    struct base {
        virtual ~base() = default;
        virtual void call(client_result<http::response> r) = 0;
    };
    template <class F>
    struct impl final : base {
        explicit impl(F fn) : f(std::move(fn)) {}
        void call(client_result<http::response> r) override { f(std::move(r)); }
        F f;
    };
    std::unique_ptr<base> impl_;
};

class transport : public std::enable_shared_from_this<transport> {
public:
    using strand_type = boost::asio::strand<boost::asio::any_io_executor>;

    transport(boost::asio::any_io_executor ex, base_url url, client_options options)
        : strand_(boost::asio::make_strand(std::move(ex))), url_(std::move(url)), options_(std::move(options)) {}

    const strand_type& strand() const noexcept { return strand_; }
    const base_url& url() const noexcept { return url_; }
    client_options& options() noexcept { return options_; }
    const client_options& options() const noexcept { return options_; }

    // Starts one exchange (with its retries); `done(client_result<http::response>)` is called
    // once, on the strand. Any status is a response; only transport faults are errors.
    template <class Done>
    void exchange(http::request r, Done done) {
        start_exchange(std::move(r), exchange_done(std::move(done)));
    }

    // Closes the idle kept-alive connections (call on the strand, or when nothing runs).
    void close_idle() noexcept { idle_.clear(); }
    std::size_t idle_connections() const noexcept { return idle_.size(); }
    std::size_t connections_opened() const noexcept { return opened_.load(std::memory_order_relaxed); }

    client_error make_error(fault kind, const http::request& r, std::string what, boost::system::error_code ec = {}) const {
        client_error e;
        e.kind = kind;
        e.code = ec;
        e.message = r.verb + " " + url_.to_string() + r.target + ": " + std::move(what);
        if (ec) e.message += " (" + ec.message() + ")";
        return e;
    }

private:
    using tcp = boost::asio::ip::tcp;
    using beast_request = boost::beast::http::request<boost::beast::http::string_body>;

    class exchange_op;
    void start_exchange(http::request r, exchange_done done);

    // A pooled connection that is still usable, or null.
    std::unique_ptr<connection> take_idle() {
        while (!idle_.empty()) {
            std::unique_ptr<connection> c = std::move(idle_.back());
            idle_.pop_back();
            if (c->open() && !c->stale()) return c;
        }
        return nullptr;
    }
    void give_back(std::unique_ptr<connection> c) { idle_.push_back(std::move(c)); }

    std::optional<client_error> make_tls_context(const http::request& r) {
        if (tls_) return std::nullopt;
        auto ctx = std::make_unique<boost::asio::ssl::context>(boost::asio::ssl::context::tls_client);
        boost::system::error_code ec;
        ctx->set_options(boost::asio::ssl::context::default_workarounds | boost::asio::ssl::context::no_sslv2 |
                             boost::asio::ssl::context::no_sslv3 | boost::asio::ssl::context::no_tlsv1 |
                             boost::asio::ssl::context::no_tlsv1_1,
                         ec);
        if (options_.tls.use_system_store) ctx->set_default_verify_paths(ec);
        if (!options_.tls.ca_pem.empty()) {
            ctx->add_certificate_authority(boost::asio::buffer(options_.tls.ca_pem), ec);
            if (ec) return make_error(fault::tls, r, "the CA certificate (tls_options::ca_pem) is not valid PEM", ec);
        }
        if (!options_.tls.ca_file.empty()) {
            ctx->load_verify_file(options_.tls.ca_file, ec);
            if (ec) return make_error(fault::tls, r, "cannot load the CA file '" + options_.tls.ca_file + "'", ec);
        }
        ctx->set_verify_mode(options_.tls.verify_peer ? boost::asio::ssl::verify_peer : boost::asio::ssl::verify_none);
        tls_ = std::move(ctx);
        return std::nullopt;
    }

    beast_request to_beast(const http::request& r) const {
        namespace bh = boost::beast::http;
        beast_request req;
        req.method_string(r.verb);
        req.target(url_.base_path + r.target);
        req.version(11);
        req.set(bh::field::host, url_.host_header());
        if (!options_.user_agent.empty()) req.set(bh::field::user_agent, options_.user_agent);
        if (options_.bearer_token) req.set(bh::field::authorization, "Bearer " + *options_.bearer_token);
        if (options_.api_key) {
            switch (options_.api_key_as) {
            case api_key_style::bearer:
                if (!options_.bearer_token) req.set(bh::field::authorization, "Bearer " + *options_.api_key);
                break;
            case api_key_style::basic: req.set(bh::field::authorization, "Basic " + base64(*options_.api_key + ":")); break;
            case api_key_style::header: req.set(options_.api_key_header, *options_.api_key); break;
            }
        }
        for (const http::header& h : options_.headers) req.set(h.name, h.value);
        for (const http::header& h : r.headers) req.set(h.name, h.value);
        req.keep_alive(options_.keep_alive);
        req.body() = r.body;
        if (!r.body.empty() || http::has_request_body(r.verb)) req.prepare_payload();
        return req;
    }

    // One exchange: attempts (each: a pooled or new connection, write, read) until one succeeds,
    // the fault is not worth retrying, or the verb is not idempotent.
    class exchange_op : public std::enable_shared_from_this<exchange_op> {
    public:
        exchange_op(std::shared_ptr<transport> t, http::request r, exchange_done done)
            : t_(std::move(t)), r_(std::move(r)), done_(std::move(done)), timer_(t_->strand_) {}

        void start() {
            const client_options& o = t_->options_;
            attempts_ = is_idempotent(r_.verb) ? 1 + std::max(0, o.max_retries) : 1;
            backoff_ = o.retry_backoff;
            req_ = t_->to_beast(r_);
            attempt();
        }

    private:
        using out = client_result<http::response>;
        using resolved = tcp::resolver::results_type;

        void attempt() {
            c_ = t_->take_idle();
            if (c_) return write();
            c_ = std::make_unique<connection>();
            // An IP address needs no resolver (and no resolver thread).
            boost::system::error_code ec;
            const auto addr = boost::asio::ip::make_address(t_->url_.host, ec);
            if (!ec) return connect(resolved::create(tcp::endpoint(addr, t_->url_.port), t_->url_.host, std::to_string(t_->url_.port)));
            resolve();
        }

        void resolve() {
            const client_options& o = t_->options_;
            resolver_.emplace(t_->strand_);
            timed_out_ = false;
            timer_.expires_after(o.connect_timeout);
            timer_.async_wait([self = this->shared_from_this()](boost::system::error_code e) {
                if (!e) {
                    self->timed_out_ = true;
                    self->resolver_->cancel();
                }
            });
            resolver_->async_resolve(t_->url_.host, std::to_string(t_->url_.port),
                                     [self = this->shared_from_this()](boost::system::error_code ec, resolved res) {
                                         self->timer_.cancel();
                                         const client_options& opt = self->t_->options_;
                                         if (self->timed_out_)
                                             return self->fail(self->t_->make_error(fault::resolve, self->r_,
                                                                                    "resolving " + self->t_->url_.host + " timed out after " + ms(opt.connect_timeout)));
                                         if (ec) return self->fail(self->t_->make_error(fault::resolve, self->r_, "cannot resolve " + self->t_->url_.host, ec));
                                         self->connect(std::move(res));
                                     });
        }

        void connect(const resolved& endpoints) {
            const client_options& o = t_->options_;
            c_->plain.emplace(t_->strand_);
            c_->plain->expires_after(o.connect_timeout);
            c_->plain->async_connect(endpoints, [self = this->shared_from_this()](boost::system::error_code ec, const tcp::endpoint&) {
                self->on_connect(ec);
            });
        }

        void on_connect(boost::system::error_code ec) {
            transport& t = *t_;
            const client_options& o = t.options_;
            if (ec == boost::beast::error::timeout)
                return fail(t.make_error(fault::connect, r_, "connecting timed out after " + ms(o.connect_timeout), ec));
            if (ec) return fail(t.make_error(fault::connect, r_, "cannot connect to " + t.url_.host_header(), ec));
            c_->plain->socket().set_option(tcp::no_delay(true), ec);
            t.opened_.fetch_add(1, std::memory_order_relaxed);
            if (!t.url_.tls) return write();
            if (auto e = t.make_tls_context(r_)) return fail(std::move(*e));
            c_->secure.emplace(std::move(*c_->plain), *t.tls_);
            c_->plain.reset();
            const std::string& name = o.tls.server_name.empty() ? t.url_.host : o.tls.server_name;
            boost::system::error_code addr_ec;
            boost::asio::ip::make_address(name, addr_ec);
            // SNI takes a host name only, never an IP address (RFC 6066 §3).
            if (addr_ec && !SSL_set_tlsext_host_name(c_->secure->native_handle(), name.c_str()))
                return fail(t.make_error(fault::tls, r_, "cannot set the TLS server name '" + name + "'"));
            if (o.tls.verify_peer) c_->secure->set_verify_callback(boost::asio::ssl::host_name_verification(name));
            c_->lowest().expires_after(o.connect_timeout);
            c_->secure->async_handshake(boost::asio::ssl::stream_base::client,
                                        [self = this->shared_from_this()](boost::system::error_code e) { self->on_handshake(e); });
        }

        void on_handshake(boost::system::error_code ec) {
            if (!ec) return write();
            const client_options& o = t_->options_;
            const std::string& name = o.tls.server_name.empty() ? t_->url_.host : o.tls.server_name;
            // Say why a certificate was refused ("certificate has expired", "self-signed certificate").
            std::string what = "TLS handshake with " + name + " failed";
            const long verify = SSL_get_verify_result(c_->secure->native_handle());
            if (verify != X509_V_OK) what += ": certificate verification failed: " + std::string(X509_verify_cert_error_string(verify));
            if (ec == boost::beast::error::timeout)
                return fail(t_->make_error(fault::timeout, r_, "the TLS handshake timed out after " + ms(o.connect_timeout), ec));
            fail(t_->make_error(fault::tls, r_, what, ec));
        }

        template <class F>
        void with_stream(F&& f) {
            if (c_->secure) f(*c_->secure);
            else f(*c_->plain);
        }

        void write() {
            c_->lowest().expires_after(t_->options_.request_timeout);
            with_stream([&](auto& stream) {
                boost::beast::http::async_write(stream, req_, [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
                    self->on_write(ec);
                });
            });
        }

        void on_write(boost::system::error_code ec) {
            if (!ec) return read();
            if (ec == boost::beast::error::timeout)
                return fail(t_->make_error(fault::timeout, r_, "timed out after " + ms(t_->options_.request_timeout) + " sending the request", ec));
            fail(t_->make_error(fault::closed, r_, "the connection failed while sending the request", ec));
        }

        void read() {
            parser_.emplace();
            parser_->body_limit(t_->options_.max_response_size);
            parser_->header_limit(64 * 1024);
            c_->buffer.clear();
            with_stream([&](auto& stream) {
                boost::beast::http::async_read(stream, c_->buffer, *parser_, [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
                    self->on_read(ec);
                });
            });
        }

        void on_read(boost::system::error_code ec) {
            namespace bh = boost::beast::http;
            const transport& t = *t_;
            if (ec) {
                const std::string stage = parser_->is_header_done() ? " mid-response (after the headers)" : " before responding";
                if (ec == boost::beast::error::timeout)
                    return fail(t.make_error(fault::timeout, r_,
                                             "timed out after " + ms(t.options_.request_timeout) + " waiting for the response" +
                                                 (parser_->is_header_done() ? " body" : ""),
                                             ec));
                if (ec == bh::error::body_limit || ec == bh::error::header_limit || ec == bh::error::buffer_overflow)
                    return fail(t.make_error(fault::too_large, r_,
                                             "the response is larger than max_response_size (" + std::to_string(t.options_.max_response_size) + " bytes)", ec));
                if (ec == bh::error::end_of_stream || ec == bh::error::partial_message || ec == boost::asio::error::eof ||
                    ec == boost::asio::error::connection_reset || ec == boost::asio::error::broken_pipe ||
                    ec == boost::asio::ssl::error::stream_truncated)
                    return fail(t.make_error(fault::closed, r_, "the server closed the connection" + stage, ec));
                if (ec.category() == bh::make_error_code(bh::error::bad_version).category())
                    return fail(t.make_error(fault::protocol, r_, "the response is not valid HTTP/1.1", ec));
                if (ec.category() == boost::asio::error::get_ssl_category())
                    return fail(t.make_error(fault::tls, r_, "TLS failure reading the response", ec));
                return fail(t.make_error(fault::closed, r_, "the connection failed" + stage, ec));
            }
            auto& msg = parser_->get();
            http::response resp;
            resp.status = static_cast<int>(msg.result_int());
            resp.status_description = std::string(msg.reason());
            resp.headers.reserve(static_cast<std::size_t>(std::distance(msg.begin(), msg.end())));
            for (const auto& field : msg) resp.headers.push_back({std::string(field.name_string()), std::string(field.value())});
            resp.body = std::move(msg.body());
            if (t.options_.keep_alive && msg.keep_alive()) t_->give_back(std::move(c_));
            c_.reset();
            parser_.reset();
            complete(out(std::move(resp)));
        }

        void fail(client_error e) {
            c_.reset();  // closes it: its state is unknown
            if (attempt_ < attempts_ && is_retryable(e.kind)) {
                timer_.expires_after(backoff_);
                backoff_ *= 2;
                ++attempt_;
                timer_.async_wait([self = this->shared_from_this()](boost::system::error_code) { self->attempt(); });
                return;
            }
            if (attempt_ > 1) e.message += " (after " + std::to_string(attempt_) + " attempts)";
            complete(out(boost::system::in_place_error, std::move(e)));
        }

        void complete(out result) {
            resolver_.reset();
            done_(std::move(result));
        }

        std::shared_ptr<transport> t_;
        http::request r_;
        exchange_done done_;
        beast_request req_;
        int attempt_ = 1;
        int attempts_ = 1;
        std::chrono::milliseconds backoff_{};
        std::unique_ptr<connection> c_;
        std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser_;
        std::optional<tcp::resolver> resolver_;
        boost::asio::steady_timer timer_;
        bool timed_out_ = false;
    };

    strand_type strand_;
    base_url url_;
    client_options options_;
    std::unique_ptr<boost::asio::ssl::context> tls_;
    std::vector<std::unique_ptr<connection>> idle_;
    std::atomic<std::size_t> opened_{0};
};

inline void transport::start_exchange(http::request r, exchange_done done) {
    auto op = std::make_shared<exchange_op>(shared_from_this(), std::move(r), std::move(done));
    boost::asio::post(strand_, [op] { op->start(); });
}

}  // namespace sstk::client::detail
