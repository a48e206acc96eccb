// SPDX-License-Identifier: MIT
#include "models/validation/valueparser.h"

namespace sluice {

ValueParser::ValueParser(ParseOptions options)
    : m_options(std::move(options))
{
}

} // namespace sluice
