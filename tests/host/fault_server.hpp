// A scripted TCP server on loopback for fault tests: each accepted connection is handed to the
// script on the server's thread (one connection at a time). Counts connections.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <istream>
#include <string>
#include <thread>

namespace sstk_test {

class fault_server {
public:
    using tcp = boost::asio::ip::tcp;
    using script = std::function<void(tcp::socket&)>;

    explicit fault_server(script s) : script_(std::move(s)), acceptor_(ioc_, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
        port_ = acceptor_.local_endpoint().port();
        thread_ = std::thread([this] {
            for (;;) {
                tcp::socket socket(ioc_);
                boost::system::error_code ec;
                acceptor_.accept(socket, ec);
                if (ec || stopping_) return;
                ++connections_;
                try {
                    script_(socket);
                } catch (...) {  // the peer went away: the script's business is over
                }
                socket.close(ec);
            }
        });
    }
    ~fault_server() {
        stopping_ = true;
        boost::system::error_code ec;
        tcp::socket wake(ioc_);
        wake.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_), ec);
        thread_.join();
    }

    std::uint16_t port() const noexcept { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int connections() const noexcept { return connections_; }

    // Reads one request's headers and its Content-Length body; returns the head.
    static std::string read_request(tcp::socket& s) {
        boost::asio::streambuf buf;
        const std::size_t n = boost::asio::read_until(s, buf, "\r\n\r\n");
        std::string head(boost::asio::buffers_begin(buf.data()), boost::asio::buffers_begin(buf.data()) + static_cast<std::ptrdiff_t>(n));
        buf.consume(n);
        std::size_t length = 0;
        const auto cl = head.find("Content-Length: ");
        if (cl != std::string::npos) length = std::stoul(head.substr(cl + 16));
        if (length > buf.size()) boost::asio::read(s, buf, boost::asio::transfer_exactly(length - buf.size()));
        return head;
    }
    static void write(tcp::socket& s, const std::string& text) { boost::asio::write(s, boost::asio::buffer(text)); }

private:
    script script_;
    boost::asio::io_context ioc_;
    tcp::acceptor acceptor_;
    std::uint16_t port_ = 0;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> connections_{0};
};

// A script: the first connection is closed unanswered (after its request was read); later ones
// get `json_body` in a 200 with Connection: close. Connections are served one at a time.
inline fault_server::script close_first_then_answer(std::string json_body) {
    auto served = std::make_shared<int>(0);
    return [served, json_body = std::move(json_body)](fault_server::tcp::socket& sock) {
        fault_server::read_request(sock);
        if ((*served)++ == 0) return;
        fault_server::write(sock, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                                      std::to_string(json_body.size()) + "\r\n\r\n" + json_body);
    };
}

}  // namespace sstk_test
