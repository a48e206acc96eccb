// SPDX-License-Identifier: MIT
#pragma once

#include "app/application.h"
#include "models/session/importsession.h"
#include "models/session/targetsession.h"
#include "tests/support/scriptedprompter.h"
#include "tests/support/widgettests.h"
#include "ui/mainwindow.h"
#include "ui/pages/openpage.h"
#include "ui/pages/reviewpage.h"
#include "ui/pages/targetpage.h"
#include "ui/pages/uploadpage.h"

#include <QAbstractItemModel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTest>

namespace sluice::test {

// Drives the app's steps the way a user does: the Next button, the resource search, the Upload
// button. Each step returns false (with a message from QtTest) when the app did not get there.
struct GuiFlow
{
    static constexpr int UserPauseMs = 30;

    ScriptedPrompter prompter;
    Application application {prompter, QString()};
    MainWindow *window = nullptr;

    void start()
    {
        application.start();
        window = &application.mainWindow();
    }

    bool clickNext(int expectedStep, int timeoutMs = 10000)
    {
        auto *next = child<QPushButton>(*window, "nextButton");
        if (!QTest::qWaitFor([&] { return next->isEnabled(); }, timeoutMs))
            return false;
        QTest::mouseClick(next, Qt::LeftButton);
        QTest::qWait(UserPauseMs);
        return window->currentStep() == expectedStep;
    }

    // Types into the resource search and picks the first match, as a user would.
    bool chooseResource(const QString &search, const QString &resourceId)
    {
        auto *field = child<QLineEdit>(*window, "targetResourceSearch");
        field->clear();
        QTest::keyClicks(field, search);
        // A person's next action comes a moment later: the window handles what it has queued,
        // as it would between a real user's key presses and clicks.
        QTest::qWait(UserPauseMs);
        auto *list = child<QAbstractItemView>(*window, "targetResourceList");
        if (list->model()->rowCount() < 1)
            return false;
        const QModelIndex first = list->model()->index(0, 0);
        list->setCurrentIndex(first);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(first).center());
        const Resource *chosen = application.session().resource();
        return chosen && chosen->id == resourceId;
    }
};

} // namespace sluice::test
