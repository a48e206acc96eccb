// SPDX-License-Identifier: MIT
#include "models/source/cellkind.h"

namespace sluice {

QString cellKindName(CellKind kind)
{
    switch (kind) {
    case CellKind::Empty:
        return QStringLiteral("empty");
    case CellKind::Text:
        return QStringLiteral("text");
    case CellKind::Number:
        return QStringLiteral("number");
    case CellKind::Boolean:
        return QStringLiteral("boolean");
    case CellKind::DateTime:
        return QStringLiteral("datetime");
    case CellKind::Error:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace sluice
