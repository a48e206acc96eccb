// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

#include <memory>

namespace sluice {

class Catalogue;
class CataloguePage;
class Prompter;

// The shell: menus, status bar and the current page. It holds no logic of its own; it shows state
// and reports the user's intent through signals (ARCHITECTURE.md §1).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Prompter &prompter, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setCatalogue(std::shared_ptr<const Catalogue> catalogue);
    void showError(const QString &title, const QString &text);
    CataloguePage *cataloguePage() const { return m_cataloguePage; }

Q_SIGNALS:
    void catalogueFileChosen(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void chooseCatalogueFile();
    void showAbout();
    void restoreState();

    Prompter &m_prompter;
    CataloguePage *m_cataloguePage;
};

} // namespace sluice
