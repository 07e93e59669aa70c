// The DTOs the text-format fuzzers read into: the rich test DTOs (tests/json, tests/jsv) and the
// seed DTOs generated from the bundled metadata pages (include/sstk/apis). The first input byte
// selects one (selector % count).
#pragma once

#include "../jsv/text_test_dtos.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>

#include <cstddef>
#include <type_traits>

namespace sstk_fuzz {

template <class... T>
struct type_list {
    static constexpr std::size_t size = sizeof...(T);
};

// Calls f(std::type_identity<T>{}) for the i-th type (i < size).
template <class F, class... T>
void dispatch(std::size_t i, type_list<T...>, F&& f) {
    std::size_t k = 0;
    ((k++ == i ? (void)f(std::type_identity<T>{}) : (void)0), ...);
}

// Calls f(index, std::type_identity<T>{}) for every type.
template <class F, class... T>
void for_each_type(type_list<T...>, F&& f) {
    std::size_t k = 0;
    (f(k++, std::type_identity<T>{}), ...);
}

// Index = selector: keep the order stable, the checked-in seeds depend on it (append only).
using text_dtos = type_list<tt::Rich, jt::Everything, jt::EchoTypes, tt::MovieResponse, jt::Enums, tt::FindMovies, tt::DayDto,
                            sstk::apis::antel_api::ResetPassword, sstk::apis::antel_api::ResetPasswordResponse,
                            sstk::apis::antel_merchandiser::ResetPassword, sstk::apis::antel_merchandiser::ResetPasswordResponse,
                            sstk::apis::platform_api::GetResetPasswordToken, sstk::apis::platform_api::GetResetPasswordTokenResponse,
                            sstk::apis::platform_api::PasswordReset, sstk::apis::platform_api::PasswordResetResponse,
                            sstk::apis::ppw_assist::ResetPasswordRequest, sstk::apis::ppw_assist::ResetPasswordResponse>;

}  // namespace sstk_fuzz
