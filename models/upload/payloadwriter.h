// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/attributetype.h"
#include "models/schema/resource.h"
#include "models/validation/rowsource.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace sluice {

// Writes ingest request bodies (API.md §3) straight into bytes: no QJsonDocument, no temporary
// strings per cell. This runs for every cell of every row sent, so it is written for speed.
class PayloadWriter
{
public:
    PayloadWriter(const Resource &resource, const QString &solutionName, OperationType operation,
                  bool dryRun);

    // {"attribute":value,…} for one row, appended to out: the resource's attribute order and
    // spelling, unmapped attributes left out, empty values and cells with errors as null.
    void appendRecord(QByteArray &out, const std::vector<NormalisedCell> &cells) const;

    // The body around comma-separated records: {"solutionName":…,"data":[ + records + ]}.
    QByteArray body(QByteArrayView records) const;
    // The bytes body() adds to the records.
    qsizetype envelopeSize() const { return m_head.size() + 2; }

    // text as a quoted JSON string (RFC 8259 §7), appended to out.
    static void appendString(QByteArray &out, QStringView text);

private:
    std::vector<QByteArray> m_keys; // "\"name\":" per attribute
    QByteArray m_head;
};

} // namespace sluice
