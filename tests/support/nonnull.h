// SPDX-License-Identifier: MIT
#pragma once

#include "models/mapping/mapping.h"
#include "models/session/importsession.h"

#include <QtGlobal>

namespace sluice::test {

// References for what a test knows is there. GCC's -O2 -Wnull-dereference (the ci build) warns
// on `session.issues()->x` and `mapping.find(name)->x`; these end the test with a message
// instead when the thing is missing, which GCC can see.
inline const IssueIndex &findingsOf(const ImportSession &session)
{
    const IssueIndex *issues = session.issues();
    if (!issues)
        qFatal("the rows were not checked");
    return *issues;
}

inline AttributeMapping &attributeOf(Mapping &mapping, QStringView name)
{
    AttributeMapping *found = mapping.find(name);
    if (!found)
        qFatal("no attribute %s in the mapping", qPrintable(name.toString()));
    return *found;
}

inline const AttributeMapping &attributeOf(const Mapping &mapping, QStringView name)
{
    const AttributeMapping *found = mapping.find(name);
    if (!found)
        qFatal("no attribute %s in the mapping", qPrintable(name.toString()));
    return *found;
}

} // namespace sluice::test
