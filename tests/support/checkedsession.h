// SPDX-License-Identifier: MIT
#pragma once

#include "models/session/importsession.h"

#include <QFile>
#include <QSignalSpy>
#include <QString>

namespace sluice::test {

// Writes bytes (a CSV) to path, opens it in session, maps it onto resourceId as the automapper
// proposes and checks every row, as the first three steps do. False when a step fails or does
// not finish in time.
inline bool openCheckedCsv(ImportSession &session, const QString &path, const QByteArray &bytes,
                           const QString &resourceId)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(path);
    if (!loaded.wait(20000) || !session.setResource(resourceId))
        return false;
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    return validated.wait(20000);
}

// Waits for a re-check on workers (a correction of more than a few thousand rows) to end.
inline bool waitForChecks(ImportSession &session)
{
    if (!session.isValidating())
        return true;
    QSignalSpy validated(&session, &ImportSession::validated);
    return validated.wait(30000);
}

} // namespace sluice::test
