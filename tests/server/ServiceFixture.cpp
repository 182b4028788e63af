#include "ServiceFixture.h"

using namespace Qt::StringLiterals;

bool ServiceFixture::start(QString *error, bool withAccounts)
{
    if (!dir.isValid()) {
        *error = u"no temporary directory"_s;
        return false;
    }
    options.databasePath = dbPath();
    service = std::make_unique<relaydesk::server::Service>(options);
    if (withAccounts) {
        if (!service->addUser(kUser, relaydesk::Role::Agent, kPassword, error))
            return false;
        clientKey = service->addClientKey(u"tests"_s, error);
        if (clientKey.isEmpty())
            return false;
    }
    return service->start(error);
}
