// SPDX-License-Identifier: MIT
// Placeholder until its author fills it in.
#include <QtTest>

class TestChangesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_MAIN(TestChangesPanel)
#include "tst_changespanel.moc"
