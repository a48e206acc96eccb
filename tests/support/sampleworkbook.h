// SPDX-License-Identifier: MIT
#pragma once

#include "models/session/importsession.h"

#include <QSignalSpy>
#include <QString>

namespace sluice::test {

// The workbook the app ships (resources/sample): 40 rows of Customer Orders, 4 with problems.
inline QString sampleWorkbookPath()
{
    return qEnvironmentVariable("SLUICE_SOURCE_DIR")
        + QStringLiteral("/resources/sample/customer-orders.xlsx");
}

// Opens the sample in session, maps it onto Customer Orders and checks it, as the first three
// steps do. False when a step did not finish in time.
inline bool openCheckedSample(ImportSession &session)
{
    QSignalSpy loaded(&session, &ImportSession::loaded);
    session.openFile(sampleWorkbookPath());
    if (!loaded.wait(20000) || !session.setResource(QStringLiteral("INV.CUSTOMER_ORDERS")))
        return false;
    QSignalSpy validated(&session, &ImportSession::validated);
    session.validate();
    return validated.wait(20000);
}

} // namespace sluice::test
