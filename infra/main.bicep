// The Azure side of the reporting-cycle workflow: a Flex Consumption Function App (isolated worker, .NET 10,
// Durable Functions on the Azure Storage provider) with a system-assigned identity, its host storage reached by
// identity, a data storage account for dossiers/plans/status/mail ledger, Key Vault for secrets, Application Insights.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json   (or `azd up`)
//
// Resource types and API versions follow Azure-Samples/azure-functions-flex-consumption-samples (IaC/bicep) and the
// Azure resource reference; `./run infra-check` compiles this file with the Bicep CLI.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(20)
@description('Short name of the environment (e.g. dev, prod); part of every resource name.')
param environmentName string

@description('Region of every resource.')
param location string = 'southeastasia'

@secure()
@description('SendGrid API key (Mail Send permission). Stored in Key Vault; the app reads it through a Key Vault reference.')
param sendGridApiKey string

@secure()
@minLength(32)
@description('Key that signs units\' upload links (at least 32 characters). Changing it invalidates links already sent.')
param linkTokenKey string

@secure()
@minLength(16)
@description('Operators\' API key for the operator endpoints.')
param operatorApiKey string

@description('Entra ID: the API\'s app registration (application/client id); empty for operator keys only.')
param entraClientId string = ''

@description('Entra ID: the tenant of the app registration.')
param entraTenantId string = tenant().tenantId

@description('Entra ID: the accepted token audience; empty takes the client id and api://<client id>.')
param entraAudience string = ''

@description('Entra ID: the token claim that carries the operator\'s scope (a unit id, or * for the whole tree).')
param entraScopeClaim string = 'workflow_scope'

@description('Sender address of the cycle\'s e-mails; must be verified in SendGrid.')
param emailFromAddress string

@description('Receipt numbers start with this, e.g. "BG" gives BG-2024-000123.')
param receiptPrefix string = 'TN'

@description('Prefix of the data containers and tables (lower-case letters and digits).')
param storagePrefix string = 'workflow'

@description('Durable Functions task hub name (letters and digits).')
param taskHubName string = 'workflow'

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@allowed([2048, 4096])
param instanceMemoryMB int = 2048

@description('Object id of a user or group that may read and set secrets (e.g. the deployer); empty for none.')
param vaultAdminPrincipalId string = ''

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName, application: 'workflow' }
var appName = 'func-workflow-${environmentName}-${take(token, 6)}'
var deploymentContainerName = 'app-package-${take(token, 8)}'

// Built-in role definition ids (Azure RBAC built-in roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-workflow-${environmentName}-${take(token, 6)}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-workflow-${environmentName}-${take(token, 6)}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Host storage: AzureWebJobsStorage, the Durable task hub (queues, tables, blobs) and the deployment package.
// Reached only with the app's identity, so shared keys are off.
resource hostStorage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'sthost${take(token, 18)}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource deployment 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }
}

// Data storage: dossiers, plans, plan drafts, exports (blobs) and the status, nominee and mail-ledger tables. The adapters
// (Workflow.Storage, Workflow.Email) take a connection string, so this account keeps shared keys; its connection
// string lives only in Key Vault. Public blob access is off and every container is private.
resource dataStorage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'stdata${take(token, 18)}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
  }

  resource blobs 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: { enabled: true, days: 30 }
      containerDeleteRetentionPolicy: { enabled: true, days: 30 }
    }

    resource dossiers 'containers' = {
      name: '${storagePrefix}-dossiers'
      properties: { publicAccess: 'None' }
    }

    resource plans 'containers' = {
      name: '${storagePrefix}-plans'
      properties: { publicAccess: 'None' }
    }

    resource planDrafts 'containers' = {
      name: '${storagePrefix}-plan-drafts'
      properties: { publicAccess: 'None' }
    }

    resource exports 'containers' = {
      name: '${storagePrefix}-exports'
      properties: { publicAccess: 'None' }
    }

    resource templates 'containers' = {
      name: '${storagePrefix}-templates'
      properties: { publicAccess: 'None' }
    }
  }

  resource tables 'tableServices' = {
    name: 'default'

    resource status 'tables' = {
      name: '${storagePrefix}status'
    }

    resource nominees 'tables' = {
      name: '${storagePrefix}nominees'
    }

    resource achievements 'tables' = {
      name: '${storagePrefix}achievements'
    }

    resource mail 'tables' = {
      name: 'workflowmail'
    }

    // Each cycle's status rows and each message key's ledger row live in one of 16 shard tables (TableShards); the
    // app creates them on first use too, so these only save the first requests of a new deployment that round trip.
    resource statusShards 'tables' = [for digit in tableShardDigits: {
      name: '${storagePrefix}status${digit}'
    }]

    resource mailShards 'tables' = [for digit in tableShardDigits: {
      name: 'workflowmail${digit}'
    }]
  }
}

var tableShardDigits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f']

// ---------------------------------------------------------------------------------------------------------------
// Secrets
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-wf-${take(environmentName, 8)}-${take(token, 8)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }

  resource sendGrid 'secrets' = {
    name: 'sendgrid-api-key'
    properties: { value: sendGridApiKey }
  }

  resource linkKey 'secrets' = {
    name: 'link-token-key'
    properties: { value: linkTokenKey }
  }

  resource operatorKey 'secrets' = {
    name: 'operator-api-key'
    properties: { value: operatorApiKey }
  }

  resource dataConnection 'secrets' = {
    name: 'data-storage-connection'
    properties: {
      value: 'DefaultEndpointsProtocol=https;AccountName=${dataStorage.name};AccountKey=${dataStorage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Function App on Flex Consumption
resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-workflow-${environmentName}-${take(token, 6)}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// The app's identity: data roles on the host storage (Functions host, Durable task hub, deployment package) and
// secret reads on the vault. No connection string for the host storage exists anywhere.
resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, app.id, roles.storageBlobDataOwner)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, app.id, roles.storageQueueDataContributor)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, app.id, roles.storageTableDataContributor)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultAdminPrincipalId)) {
  name: guid(vault.id, vaultAdminPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: vaultAdminPrincipalId
  }
}

// App settings are written after the role assignments, so the first start can already read the vault and storage.
// Secrets appear only as Key Vault references; nested option sections use "__" (Storage__ConnectionString).
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  // Entra ID settings only when an app registration is given; otherwise operators use keys only.
  properties: union({
    AzureWebJobsStorage__accountName: hostStorage.name
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    WORKFLOW_TASK_HUB: taskHubName
    Storage__ConnectionString: '@Microsoft.KeyVault(SecretUri=${vault::dataConnection.properties.secretUri})'
    Storage__Prefix: storagePrefix
    Email__ApiKey: '@Microsoft.KeyVault(SecretUri=${vault::sendGrid.properties.secretUri})'
    Email__FromAddress: emailFromAddress
    Email__UploadBaseUrl: 'https://${app.properties.defaultHostName}'
    Email__LedgerConnectionString: '@Microsoft.KeyVault(SecretUri=${vault::dataConnection.properties.secretUri})'
    Email__LedgerTable: 'workflowmail'
    Cycle__LinkKey: '@Microsoft.KeyVault(SecretUri=${vault::linkKey.properties.secretUri})'
    Cycle__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
    Cycle__ReceiptPrefix: receiptPrefix
    Operator__ApiKey: '@Microsoft.KeyVault(SecretUri=${vault::operatorKey.properties.secretUri})'
  }, empty(entraClientId) ? {} : {
    Entra__Instance: environment().authentication.loginEndpoint
    Entra__TenantId: entraTenantId
    Entra__ClientId: entraClientId
    Entra__Audience: entraAudience
    Entra__ScopeClaim: entraScopeClaim
  })
  dependsOn: [
    hostBlobOwner
    hostQueueContributor
    hostTableContributor
    vaultSecretsUser
  ]
}

output AZURE_LOCATION string = location
output FUNCTION_APP_NAME string = app.name
output FUNCTION_APP_URL string = 'https://${app.properties.defaultHostName}'
output HOST_STORAGE_ACCOUNT string = hostStorage.name
output DATA_STORAGE_ACCOUNT string = dataStorage.name
output KEY_VAULT_NAME string = vault.name
output KEY_VAULT_URI string = vault.properties.vaultUri
output APPLICATIONINSIGHTS_NAME string = insights.name
