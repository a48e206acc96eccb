// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/upload/rowoutcomes.h"
#include "models/upload/uploadjournal.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace sluice {

class RowSource;

// The JSON report of a run: what it was, the counts, each batch, and every row that was not
// accepted with its errors. No token and no raw response bodies (those stay in the journal's
// batch table in the app).
class UploadReport
{
    Q_DECLARE_TR_FUNCTIONS(UploadReport)

public:
    UploadReport(JournalRunInfo run, const RowSource &rows, const RowOutcomes &outcomes);

    void addBatch(const BatchResult &result);
    void setFinished(const QDateTime &when, const QString &stopReason);

    QJsonObject toJson() const;
    std::optional<Error> write(const QString &path) const;

private:
    JournalRunInfo m_run;
    const RowSource &m_rows;
    const RowOutcomes &m_outcomes;
    QJsonArray m_batches;
    QDateTime m_finished;
    QString m_stopReason;
};

} // namespace sluice
