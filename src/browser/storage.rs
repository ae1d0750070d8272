//! Local storage through gloo-storage. Every key StackFit writes starts with
//! `stackfit.`; a failing storage (private mode, quota) is reported, never
//! fatal.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Why a value could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// Storage is disabled, missing or full.
    Unavailable(String),
    /// A stored value exists but does not decode.
    Corrupt(String),
}

/// Local storage, if this browser lets the page use it. gloo-storage panics
/// when it cannot reach storage (blocked cookies, some private modes), so
/// every function here checks first.
fn local() -> Result<web_sys::Storage, StorageProblem> {
    let unavailable =
        || StorageProblem::Unavailable("local storage is disabled in this browser".into());
    web_sys::window()
        .ok_or_else(unavailable)?
        .local_storage()
        .map_err(|_| unavailable())?
        .ok_or_else(unavailable)
}

/// Reads `key`; `Ok(None)` when nothing is stored.
pub fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageProblem> {
    local()?;
    match LocalStorage::get::<T>(key) {
        Ok(value) => Ok(Some(value)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(StorageError::SerdeError(e)) => Err(StorageProblem::Corrupt(e.to_string())),
        Err(e) => Err(StorageProblem::Unavailable(e.to_string())),
    }
}

/// Writes `key`.
pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StorageProblem> {
    local()?;
    LocalStorage::set(key, value).map_err(|e| StorageProblem::Unavailable(e.to_string()))
}

/// Removes `key`.
pub fn remove(key: &str) -> Result<(), StorageProblem> {
    local()?
        .remove_item(key)
        .map_err(|_| StorageProblem::Unavailable(format!("could not remove {key}")))
}
