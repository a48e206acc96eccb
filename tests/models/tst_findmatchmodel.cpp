// SPDX-License-Identifier: MIT
// Placeholder until its author fills it in.
#include <QtTest>

class TestFindMatchModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_MAIN(TestFindMatchModel)
#include "tst_findmatchmodel.moc"
