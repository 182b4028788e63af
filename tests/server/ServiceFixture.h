#pragma once

#include "server/Service.h"

#include <QTemporaryDir>

#include <memory>

// A Service on 127.0.0.1 with a random port and a database in a temporary directory, plus an agent
// user and a client key.
struct ServiceFixture
{
    QTemporaryDir dir;
    relaydesk::server::ServiceOptions options; // set before start(); databasePath is filled in
    std::unique_ptr<relaydesk::server::Service> service;
    QString clientKey;
    QString dbPath() const { return dir.filePath(QStringLiteral("relaydesk.db")); }

    static inline const QString kUser = QStringLiteral("alice");
    static inline const QString kPassword = QStringLiteral("correct horse battery staple");

    bool start(QString *error, bool withAccounts = true);
    void stop() { service.reset(); }
};
