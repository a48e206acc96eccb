// SPDX-License-Identifier: MIT
#pragma once

#include "models/session/bulkfix.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QVBoxLayout;

namespace sluice {

class ImportSession;
class ValueMapModel;

// Fixes one issue group of the Review page at once (issue 7): the fixes that fit its cause
// (BulkFix::offeredFor) in the combo box "bulkFixKind" (item data: int(BulkFix::Kind)), an
// editor per fix in "bulkFixEditors", a preview of how many of the group's cells the fix makes
// valid ("bulkFixPreview"), and Apply ("bulkFixApply"), which passes the fix to the session as
// one undo step and closes the dialog. Editors: the value map table "valueMapTable" (Map to:
// an editable combo box of the allowed values); "dateOrder" and "datePattern"; "letterCase";
// "fillValue"; for excluding rows a sentence. "Remember in the profile" ("bulkFixRemember") is
// the caller's to act on, after fixApplied().
//
// Non-modal: shown with open() or show(). The group is the one it was opened for; Apply reads
// the session's mapping and issues as they are then. A new file or resource closes it.
class BulkFixDialog : public QDialog
{
    Q_OBJECT

public:
    BulkFixDialog(ImportSession &session, const IssueGroup &group, QWidget *parent = nullptr);
    ~BulkFixDialog() override;

    const IssueGroup &group() const { return m_group; }
    BulkFix::Kind kind() const;
    void setKind(BulkFix::Kind kind);
    const QList<BulkFix::Kind> &offeredKinds() const { return m_kinds; }
    // What the editors say now (the session's mapping is applied to on Apply).
    BulkFix::Choice choice() const;
    bool rememberInProfile() const;
    // Applies the fix as the Apply button does; false when the session refused it.
    bool apply();

Q_SIGNALS:
    // The fix is on the undo stack; the dialog closes next. rememberInProfile: the user wants
    // the changed mapping saved in the resource's profile (always false for excluded rows).
    void fixApplied(bool rememberInProfile);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *createValueMapEditor();
    QWidget *createDateEditor();
    QWidget *createCaseEditor();
    QWidget *createFillEditor();
    QWidget *createSentence(const QString &text);
    void createEditors();
    void createFooter(QVBoxLayout *layout);
    void connectSession();
    void updatePreview();
    void updateApply();
    const Attribute &attribute() const;
    AttributeMapping currentMapping() const;
    qsizetype groupRowCount() const;

    ImportSession &m_session;
    IssueGroup m_group;
    QString m_resourceId;
    QList<QPair<QString, qsizetype>> m_values; // the group's distinct values, at opening
    QList<BulkFix::Kind> m_kinds;
    ValueMapModel *m_valueMap;
    QComboBox *m_kind;
    QStackedWidget *m_editors;
    QTableView *m_valueMapTable = nullptr;
    QComboBox *m_dateOrder = nullptr;
    QLineEdit *m_datePattern = nullptr;
    QComboBox *m_letterCase = nullptr;
    QLineEdit *m_fillValue = nullptr;
    QLabel *m_preview;
    QCheckBox *m_remember;
    QDialogButtonBox *m_buttons;
    QPushButton *m_apply;
};

} // namespace sluice
