// What the client tests share: the test service on a loopback host, client options with short
// timeouts, and a Hello request.
#pragma once

#include "../host/test_service.hpp"

#include <sstk/client/options.hpp>
#include <sstk/host/service_host.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

namespace sstk_test {

struct running_host {
    explicit running_host(sstk::host::host_options o = {}) : host(std::move(o)) {
        register_test_service(host);
        port = host.listen("127.0.0.1", 0);
        host.start();
    }
    std::string url(bool tls = false) const { return std::string(tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port); }
    sstk::host::service_host host;
    std::uint16_t port = 0;
};

inline sstk::client::client_options fast(sstk::http::format f = sstk::http::format::json) {
    sstk::client::client_options o;
    o.format = f;
    o.connect_timeout = std::chrono::milliseconds(2000);
    o.request_timeout = std::chrono::milliseconds(5000);
    o.retry_backoff = std::chrono::milliseconds(1);
    return o;
}

inline Hello hello(std::string name, int times = 1) {
    Hello h;
    h.Name = std::move(name);
    h.Times = times;
    return h;
}

}  // namespace sstk_test
