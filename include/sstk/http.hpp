// Routes and HTTP envelopes, transport-agnostic: formats and content negotiation, route
// templates and ServiceStack's route selection, requests built from DTOs, responses and
// ServiceStack errors read back, and the server side (binding a request, writing an error).
#pragma once

#include <sstk/http/body.hpp>
#include <sstk/http/error_response.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/negotiation.hpp>
#include <sstk/http/request.hpp>
#include <sstk/http/response.hpp>
#include <sstk/http/route.hpp>
#include <sstk/http/routing.hpp>
#include <sstk/http/server.hpp>
