// A self-signed certificate made on the spot (OpenSSL), for tests and local development of
// HTTPS hosts: the certificate is its own CA, so a client trusts it through
// tls_options::ca_pem. Never for production.
//
//   auto id = sstk::host::make_test_certificate({"localhost", "127.0.0.1"});
//   host_options.tls = sstk::host::tls_identity{id.certificate_pem, id.private_key_pem};
//   client_options.tls.ca_pem = id.certificate_pem;
#pragma once

#include <sstk/core/error.hpp>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>
#include <vector>

namespace sstk::host {

struct test_certificate {
    std::string certificate_pem;
    std::string private_key_pem;
};

struct test_certificate_options {
    std::string common_name = "sstk test";
    long valid_from_seconds = -3600;        // relative to now
    long valid_until_seconds = 24 * 3600;   // relative to now; negative: already expired
};

// `names`: DNS names and IP addresses for the subjectAltName (what a client verifies).
inline test_certificate make_test_certificate(const std::vector<std::string>& names, const test_certificate_options& o = {}) {
    const auto fail = [](const char* what) { return error(errc::unsupported, std::string("make_test_certificate: ") + what); };
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
    if (!key) throw fail("cannot generate a P-256 key");
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    if (!cert) throw fail("X509_new failed");
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) throw fail("no randomness for the serial number");
    serial[0] &= 0x7f;  // positive
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn(BN_bin2bn(serial, sizeof serial, nullptr), BN_free);
    BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), o.valid_from_seconds);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), o.valid_until_seconds);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(o.common_name.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    std::string san;
    for (const std::string& n : names) {
        if (!san.empty()) san += ',';
        const bool ip = n.find_first_not_of("0123456789.") == std::string::npos || n.find(':') != std::string::npos;
        san += (ip ? "IP:" : "DNS:") + n;
    }
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    const auto add = [&](int nid, const std::string& value) {
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
        if (!ext) throw fail("cannot make a certificate extension");
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    };
    add(NID_basic_constraints, "critical,CA:TRUE");
    add(NID_key_usage, "critical,digitalSignature,keyCertSign");
    add(NID_ext_key_usage, "serverAuth");
    add(NID_subject_key_identifier, "hash");
    if (!san.empty()) add(NID_subject_alt_name, san);
    if (!X509_sign(cert.get(), key.get(), EVP_sha256())) throw fail("cannot sign the certificate");

    const auto to_string = [&](auto write) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        if (!bio || !write(bio.get())) throw fail("cannot write PEM");
        char* data = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &data);
        return std::string(data, static_cast<std::size_t>(n));
    };
    test_certificate out;
    out.certificate_pem = to_string([&](BIO* b) { return PEM_write_bio_X509(b, cert.get()) == 1; });
    out.private_key_pem = to_string([&](BIO* b) { return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1; });
    return out;
}

}  // namespace sstk::host
