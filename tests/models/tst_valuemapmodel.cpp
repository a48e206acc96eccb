// SPDX-License-Identifier: MIT
// Placeholder until its author fills it in.
#include <QtTest>

class TestValueMapModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_MAIN(TestValueMapModel)
#include "tst_valuemapmodel.moc"
